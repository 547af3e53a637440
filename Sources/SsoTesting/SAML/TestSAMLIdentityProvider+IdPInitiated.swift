import SsoCore

extension TestSAMLIdentityProvider {
    /// Plays an IdP-initiated login: a signed response that answers no request (no
    /// `InResponseTo`), for the SP `spEntityID` whose ACS is `acsURL`, as the browser posts it.
    /// `relayState` is what IdPs often send along (a target URL); the SP must treat it as opaque.
    public func idpInitiatedLogin(
        spEntityID: String, acsURL: String, as user: TestSAMLUser, relayState: String? = nil,
        options: ResponseOptions = ResponseOptions()
    ) throws(SsoError) -> Post {
        var options = options
        options.unsolicited = true
        let request = ReceivedRequest(id: "", issuer: spEntityID, assertionConsumerServiceURL: acsURL)
        return Post(samlResponse: try responseBase64(to: request, user: user, options: options), relayState: relayState)
    }
}
