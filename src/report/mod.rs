//! Everything that turns results into text for people and machines.

pub mod quantities;
