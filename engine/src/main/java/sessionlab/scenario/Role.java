package sessionlab.scenario;

/** Which end an SSL_CTX is made for. */
public enum Role { CLIENT, SERVER }
