/// The default ``SsoOrganizationStore``, in memory.
public actor InMemoryOrganizationStore: SsoOrganizationStore {
    private var enforcements: [String: SsoEnforcement] = [:]
    private var configs: [String: SsoConfigRecord] = [:]

    public init() {}

    public func enforcement(organizationID: String) -> SsoEnforcement? {
        enforcements[organizationID]
    }

    public func setEnforcement(_ enforcement: SsoEnforcement, organizationID: String) {
        enforcements[organizationID] = enforcement
    }

    public func config(organizationID: String) -> SsoConfigRecord? {
        configs[organizationID]
    }

    @discardableResult
    public func replaceConfig(_ config: SsoConfigRecord?, organizationID: String) -> SsoConfigRecord? {
        let previous = configs[organizationID]
        configs[organizationID] = config
        return previous
    }
}
