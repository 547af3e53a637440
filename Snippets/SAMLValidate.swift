// The SAML building blocks without the engine: read the IdP's metadata, send the browser to it
// with an AuthnRequest, and validate the Response it posts back.
// snippet.hide
import Foundation
// snippet.show
import SsoCore
import SsoSAML

// snippet.hide
let metadataXML = ""
let postedSAMLResponse = ""
let spPrivateKeyPEM = ""
// snippet.show
let clock = SystemClock()
let idp = try IdPMetadata.parse(Array(metadataXML.utf8), now: clock.now)
let sp = try SAMLServiceProvider(
    entityID: "https://app.example.com/saml/metadata", acsURL: "https://app.example.com/sso/saml/callback")

// 1. Redirect the browser; keep the request id, single use, under the RelayState.
let login = try sp.redirectLogin(to: idp, relayState: "r4nd0m", clock: clock, random: SystemRandomSource())
let pendingRequests = InMemorySingleUseStore<String>()
try await pendingRequests.insert(login.request.id, forKey: "r4nd0m", expiresAt: clock.now + 600, now: clock.now)
print("302 Location:", login.url)

// 2. The IdP posts SAMLResponse and RelayState back to the ACS URL.
let validator = SAMLResponseValidator(
    configuration: .init(
        idpEntityID: idp.entityID, idpSigningKeys: try SAMLSigningKeySet(metadata: idp),
        spEntityID: sp.entityID, acsURL: sp.acsURL,
        decryptionKey: try SAMLDecryptionKey(pem: spPrivateKeyPEM)),  // only if the IdP encrypts
    replayCache: InMemoryReplayCache(), clock: clock)  // one replay cache for every validator
guard let requestID = await pendingRequests.take("r4nd0m", now: clock.now) else {
    throw SsoError(.samlInResponseToMismatch, "no login is waiting for this RelayState")
}
let assertion = try await validator.validate(postedSAMLResponse, expectedRequestID: requestID)
let identity = SAMLAttributeMapping.defaults.identity(of: assertion)
print(identity.subject, identity.email ?? "no email", identity.groups)
