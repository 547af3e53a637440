extension SsoError.Code {
    /// A domain is not a routable hostname: IP literal, empty or over-long label, not LDH after
    /// IDNA, or refused by IDNA2008 / UTS #46.
    public static let routingInvalidDomain: Self = "routing.invalid_domain"
    /// An email address is malformed: no or several `@`, empty or invalid local part, or a bad domain.
    public static let routingInvalidEmail: Self = "routing.invalid_email"
    /// A domain is already claimed by another connection (in any organization of the engine).
    public static let routingDomainConflict: Self = "routing.domain_conflict"
    /// No connection claims the domain.
    public static let routingNoConnection: Self = "routing.no_connection"
}
