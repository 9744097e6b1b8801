mod data;
mod lifecycle;
mod offers;
mod rights;
