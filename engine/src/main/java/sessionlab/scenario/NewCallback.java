package sessionlab.scenario;

/** new_cb= : not installed (libssl's default), or installed returning 1 (keep) or 0 (drop). */
public enum NewCallback { NONE, KEEP, DROP }
