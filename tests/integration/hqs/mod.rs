mod audit;
mod checks;
mod frozen;
mod profiles;
mod search_filter;
