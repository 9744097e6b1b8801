mod lifecycle;
mod sanctions;
