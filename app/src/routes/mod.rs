//! One module per screen. A screen's page component is public; its pieces stay private.

pub mod advisor;
pub mod compare;
pub mod not_found;
pub mod sources;
pub mod whatif;
