mod certifications;
mod data;
mod lifecycle;
mod offers;
mod rights;
mod uploads;
