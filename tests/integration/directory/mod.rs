mod data;
mod documents;
mod labels;
mod lifecycle;
mod offers;
mod rights;
