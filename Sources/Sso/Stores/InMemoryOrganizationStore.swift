/// The default ``SsoOrganizationStore``, in memory, keyed by the organization id's exact bytes.
public actor InMemoryOrganizationStore: SsoOrganizationStore {
    private var enforcements: [ExactString: SsoEnforcement] = [:]
    private var configs: [ExactString: SsoConfigRecord] = [:]

    /// Creates an empty store; its policies and configs last as long as the process.
    public init() {}

    public func enforcement(organizationID: String) -> SsoEnforcement? {
        enforcements[ExactString(organizationID)]
    }

    public func setEnforcement(_ enforcement: SsoEnforcement, organizationID: String) {
        enforcements[ExactString(organizationID)] = enforcement
    }

    public func config(organizationID: String) -> SsoConfigRecord? {
        configs[ExactString(organizationID)]
    }

    @discardableResult
    public func replaceConfig(_ config: SsoConfigRecord?, organizationID: String) -> SsoConfigRecord? {
        let previous = configs[ExactString(organizationID)]
        configs[ExactString(organizationID)] = config
        return previous
    }
}
