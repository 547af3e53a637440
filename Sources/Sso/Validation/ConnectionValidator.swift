/// What a validated `CreateSsoConnectionParams` becomes: every field checked and normalised.
struct ValidatedConnection: Sendable {
    var name: String
    var domains: [DomainName]
    var matchSubdomains: Bool
    var jitProvisioning: Bool
    var defaultRole: String?
    var redirectURIs: [String]
    var settings: SsoConnectionSettings
}

/// Checks connection parameters: the shared fields here, the typed settings of each protocol in
/// `+OIDC`, `+SAML`, `+LDAP`, each returning its normalised value. The first problem found is reported with the
/// field's JSON name first (`issuer_url: must be https`).
struct ConnectionValidator: Sendable {
    var maxDomains: Int
    let rules = FieldRules(code: .connectionInvalidParams)

    static let maxRedirectURIs = 20

    func validate(_ p: CreateSsoConnectionParams) throws(SsoError) -> ValidatedConnection {
        let name = try rules.text(p.name, "name", maxBytes: 200)
        let settings: SsoConnectionSettings
        switch p.settings {
        case .oidc(let given): settings = .oidc(try oidc(given))
        case .saml(let given): settings = .saml(try saml(given))
        case .ldap(let given): settings = .ldap(try ldap(given))
        }
        let domains = try domains(p.domains)
        let defaultRole = try rules.optionalText(p.defaultRole, "default_role", maxBytes: 64)
        var redirectURIs: [String] = []
        if let uris = p.redirectURIs {
            try rules.absent(p.protocol == .ldap, "redirect_uris", for: .ldap)
            guard uris.count <= Self.maxRedirectURIs else {
                throw rules.invalid("redirect_uris", "must have at most \(Self.maxRedirectURIs) entries")
            }
            for (index, uri) in uris.enumerated() {
                let checked = try rules.webURL(uri, "redirect_uris[\(index)]")
                if !redirectURIs.contains(checked) { redirectURIs.append(checked) }
            }
        }
        return ValidatedConnection(
            name: name, domains: domains, matchSubdomains: p.matchSubdomains ?? false,
            jitProvisioning: p.jitProvisioning, defaultRole: defaultRole, redirectURIs: redirectURIs, settings: settings
        )
    }

    /// Normalised, de-duplicated domains of at least two labels.
    func domains(_ inputs: [String]) throws(SsoError) -> [DomainName] {
        guard inputs.count <= maxDomains else {
            throw rules.invalid("domains", "must have at most \(maxDomains) entries")
        }
        var out: [DomainName] = []
        for (index, input) in inputs.enumerated() {
            let domain: DomainName
            do {
                domain = try DomainName(input)
            } catch {
                throw rules.invalid("domains[\(index)]", error.message, underlying: error)
            }
            guard domain.ascii.contains(".") else {
                throw rules.invalid("domains[\(index)]", "a routed domain needs at least two labels")
            }
            if !out.contains(domain) { out.append(domain) }
        }
        return out
    }
}
