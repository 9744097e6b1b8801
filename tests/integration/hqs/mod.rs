mod audit;
mod checks;
mod demo;
mod frozen;
mod profiles;
mod search_filter;
