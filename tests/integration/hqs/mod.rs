mod audit;
mod checks;
mod profiles;
