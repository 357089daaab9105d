//! vCon export (see tests below).
