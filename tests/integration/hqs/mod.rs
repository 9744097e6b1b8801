mod audit;
mod checks;
mod profiles;
mod search_filter;
