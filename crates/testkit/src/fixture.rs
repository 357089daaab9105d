//! A fresh backend for one test, with whatever must live as long as it.

use std::any::Any;
use std::future::Future;

/// A backend plus a guard (temporary directory, throwaway schema...) dropped
/// after the test.
pub struct Fixture<B> {
    /// The fresh, empty backend.
    pub backend: B,
    guard: Option<Box<dyn Any + Send + Sync>>,
}

impl<B: std::fmt::Debug> std::fmt::Debug for Fixture<B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fixture")
            .field("backend", &self.backend)
            .finish_non_exhaustive()
    }
}

impl<B> Fixture<B> {
    /// A fixture with nothing to clean up.
    pub fn new(backend: B) -> Self {
        Fixture {
            backend,
            guard: None,
        }
    }

    /// Keeps `guard` alive as long as the fixture.
    pub fn with_guard(mut self, guard: impl Any + Send + Sync) -> Self {
        self.guard = Some(Box::new(guard));
        self
    }

    /// The same fixture with its backend wrapped (e.g. in a layer).
    pub fn map<C>(self, wrap: impl FnOnce(B) -> C) -> Fixture<C> {
        Fixture {
            backend: wrap(self.backend),
            guard: self.guard,
        }
    }

    /// Splits into the backend and the guard.
    pub fn into_parts(self) -> (B, Option<Box<dyn Any + Send + Sync>>) {
        (self.backend, self.guard)
    }
}

/// A factory of fresh fixtures: any `Fn() -> impl Future<Output = Fixture<B>>`.
pub trait MakeFixture<B>: Fn() -> Self::Fut {
    /// The future the factory returns.
    type Fut: Future<Output = Fixture<B>>;
}

impl<B, F, Fut> MakeFixture<B> for F
where
    F: Fn() -> Fut,
    Fut: Future<Output = Fixture<B>>,
{
    type Fut = Fut;
}
