mod data;
mod labels;
mod lifecycle;
mod offers;
mod rights;
