//! One module per screen. Each page component is public; its pieces are private.

pub mod advisor;
pub mod compare;
pub mod embed;
pub mod not_found;
pub mod sources;
