mod audit;
mod profiles;
