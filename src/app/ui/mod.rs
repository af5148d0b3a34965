//! Panels. Each reads the state and sends requests; none mutates the document.

pub mod canvas;
