//! The state every handler shares.

use std::sync::Arc;

use crate::erased::DynStore;
use crate::metrics::{HttpMetrics, StatsSource};
use crate::ApiConfig;

/// What the handlers share: the store (behind a trait object), its stats, the
/// router's metrics and configuration, and the OpenAPI document (serialized once).
pub(crate) struct App {
    pub(crate) store: Arc<dyn DynStore>,
    pub(crate) stats: Arc<dyn StatsSource>,
    pub(crate) metrics: HttpMetrics,
    pub(crate) config: ApiConfig,
    pub(crate) openapi_json: bytes::Bytes,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

/// The state type of the routes.
pub(crate) type AppState = Arc<App>;
