import Foundation
import SsoCore

extension IdPMetadata {
    static let saml2Protocol = "urn:oasis:names:tc:SAML:2.0:protocol"
    /// The most `EntityDescriptor`s looked at in an aggregate, and the most endpoints, formats and
    /// certificates read per descriptor.
    static let maxEntities = 10_000
    static let maxItems = 100

    /// Parses IdP metadata.
    ///
    /// - Parameters:
    ///   - bytes: an `EntityDescriptor`, or an `EntitiesDescriptor` (possibly nested) holding it.
    ///   - entityID: the entity to pick. Required when an aggregate holds several identity
    ///     providers; when given, a single `EntityDescriptor` must carry exactly this id.
    ///   - now: the current time (from the injected clock), to check `validUntil`.
    ///   - options: size limits, the checks to relax and the certificates the metadata must be
    ///     signed with; see ``IdPMetadata/ParseOptions``.
    /// - Throws: `saml.xml.*` for unsafe or malformed XML; `saml.metadata.*`; `saml.certificate.*`,
    ///   also for a signing certificate xmlsec cannot use (unreadable, or neither RSA nor EC), so
    ///   that `SAMLSigningKeySet(metadata:)` never fails on parsed metadata.
    public static func parse(
        _ bytes: [UInt8], entityID: String? = nil, now: Date, options: ParseOptions = ParseOptions()
    ) throws(SsoError) -> IdPMetadata {
        let parsed = try HardenedXMLParser.parse(bytes, limits: options.limits)
        let document = try verifiedDocument(parsed, now: now, options: options)
        let root = document.root
        var times = TimeBounds()
        let entity: SAMLXMLElement
        if root.is(SAMLNamespace.metadata, "EntityDescriptor") {
            entity = root
            if let entityID, !root.attribute("entityID").bytesEqual(entityID) {
                throw SsoError(.samlMetadataEntityNotFound, "the metadata describes another entity than \(entityID)")
            }
        } else if root.is(SAMLNamespace.metadata, "EntitiesDescriptor") {
            (entity, times) = try select(in: root, entityID: entityID)
        } else {
            throw SsoError(
                .samlMetadataMalformed,
                "the root element is not a SAML 2.0 metadata EntityDescriptor or EntitiesDescriptor")
        }
        guard let id = entity.attribute("entityID"), !id.isEmpty, id.utf8.count <= 1024 else {
            throw SsoError(.samlMetadataMalformed, "the EntityDescriptor has no entityID")
        }
        try times.add(entity)
        let descriptors = entity.children(SAMLNamespace.metadata, "IDPSSODescriptor").filter(supportsSAML2)
        guard descriptors.count == 1, let idp = descriptors.first else {
            throw SsoError(
                .samlMetadataNoIdPDescriptor,
                descriptors.isEmpty
                    ? "the entity \(id) has no IDPSSODescriptor for the SAML 2.0 protocol"
                    : "the entity \(id) has several IDPSSODescriptors for the SAML 2.0 protocol"
            )
        }
        try times.add(idp)
        if let validUntil = times.validUntil, validUntil <= now, !options.unsafeIgnoreValidUntil {
            throw SsoError(.samlMetadataExpired, "the metadata of \(id) expired at \(Timestamp.format(validUntil))")
        }
        let sso = try endpoints(idp, "SingleSignOnService")
        guard !sso.isEmpty else {
            throw SsoError(.samlMetadataNoSSOService, "the IdP \(id) declares no SingleSignOnService")
        }
        let (signing, encryption) = try certificates(idp)
        if options.requireSigningCertificate, signing.isEmpty {
            throw SsoError(.samlMetadataNoSigningCertificate, "the IdP \(id) declares no signing certificate")
        }
        let formats = idp.children(SAMLNamespace.metadata, "NameIDFormat").prefix(maxItems)
            .map { trimmed($0.textContent) }.filter { !$0.isEmpty }
        let wantSigned: Bool
        switch idp.attribute("WantAuthnRequestsSigned") {
        case nil, "false", "0": wantSigned = false
        case "true", "1": wantSigned = true
        default: throw SsoError(.samlMetadataMalformed, "WantAuthnRequestsSigned is not a boolean")
        }
        return IdPMetadata(
            entityID: id, ssoServices: sso, sloServices: try endpoints(idp, "SingleLogoutService"),
            nameIDFormats: formats, signingCertificates: signing, encryptionCertificates: encryption,
            wantAuthnRequestsSigned: wantSigned, validUntil: times.validUntil, cacheDuration: times.cacheDuration
        )
    }

    /// The earliest `validUntil` and smallest `cacheDuration` along the path to the IdP descriptor.
    struct TimeBounds {
        var validUntil: Date?
        var cacheDuration: TimeInterval?

        mutating func add(_ element: SAMLXMLElement) throws(SsoError) {
            if let text = element.attribute("validUntil") {
                guard let date = XMLSchemaTime.dateTime(trimmed(text)) else {
                    throw SsoError(.samlMetadataMalformed, "validUntil of \(element.localName) is not an xs:dateTime")
                }
                validUntil = min(validUntil ?? date, date)
            }
            if let text = element.attribute("cacheDuration") {
                guard let seconds = XMLSchemaTime.duration(trimmed(text)) else {
                    throw SsoError(
                        .samlMetadataMalformed,
                        "cacheDuration of \(element.localName) is not a non-negative xs:duration")
                }
                cacheDuration = min(cacheDuration ?? seconds, seconds)
            }
        }
    }

    private static func supportsSAML2(_ descriptor: SAMLXMLElement) -> Bool {
        let list = descriptor.attribute("protocolSupportEnumeration") ?? ""
        return list.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .contains { $0 == saml2Protocol }
    }

    private static func isIdP(_ entity: SAMLXMLElement) -> Bool {
        entity.children(SAMLNamespace.metadata, "IDPSSODescriptor").contains(where: supportsSAML2)
    }

    /// Picks the entity from an aggregate: by id when given, else the only IdP in it.
    private static func select(in root: SAMLXMLElement, entityID: String?) throws(SsoError)
        -> (SAMLXMLElement, TimeBounds)
    {
        var matches: [SAMLXMLElement] = []
        var visited = 0
        var stack: [SAMLXMLElement] = [root]
        while let group = stack.popLast() {
            for child in group.children {
                visited += 1
                guard visited <= maxEntities else {
                    throw SsoError(
                        .samlMetadataMalformed, "the metadata aggregate has more than \(maxEntities) entries")
                }
                if child.is(SAMLNamespace.metadata, "EntitiesDescriptor") {
                    stack.append(child)
                } else if child.is(SAMLNamespace.metadata, "EntityDescriptor") {
                    if let entityID {
                        if child.attribute("entityID").bytesEqual(entityID) { matches.append(child) }
                    } else if isIdP(child) {
                        matches.append(child)
                    }
                }
            }
        }
        guard let entity = matches.first else {
            throw SsoError(
                .samlMetadataEntityNotFound,
                entityID.map { "the metadata has no EntityDescriptor for \($0)" }
                    ?? "the metadata has no identity provider"
            )
        }
        guard matches.count == 1 else {
            throw SsoError(
                entityID == nil ? .samlMetadataEntityAmbiguous : .samlMetadataMalformed,
                entityID == nil
                    ? "the metadata holds \(matches.count) identity providers; name the entity id to use"
                    : "the metadata holds the entity id \(entityID ?? "") more than once"
            )
        }
        var bounds = TimeBounds()
        var ancestor = entity.parent
        while let current = ancestor {
            try bounds.add(current)
            ancestor = current.parent
        }
        return (entity, bounds)
    }

    private static func endpoints(_ idp: SAMLXMLElement, _ name: String) throws(SsoError) -> [SAMLEndpoint] {
        var result: [SAMLEndpoint] = []
        for element in idp.children(SAMLNamespace.metadata, name).prefix(maxItems) {
            guard let binding = element.attribute("Binding"), !binding.isEmpty,
                let location = element.attribute("Location").map(trimmed), !location.isEmpty
            else {
                throw SsoError(.samlMetadataMalformed, "a \(name) lacks its Binding or Location")
            }
            if binding.bytesEqual(SAMLBinding.httpRedirect) || binding.bytesEqual(SAMLBinding.httpPost) {
                // A browser is sent here: a Location with user information, a fragment or a host
                // another parser could read differently is refused now; plain http to a remote
                // host is refused when a request is built for it.
                _ = try EndpointURL(
                    location, field: "the \(name) Location", invalid: .samlMetadataMalformed,
                    insecure: .samlMetadataMalformed, allowAnyHTTP: true)
            }
            result.append(SAMLEndpoint(binding: binding, location: location))
        }
        return result
    }

    private static func certificates(_ idp: SAMLXMLElement) throws(SsoError)
        -> (signing: [SAMLCertificate], encryption: [SAMLCertificate])
    {
        var signing: [SAMLCertificate] = []
        var encryption: [SAMLCertificate] = []
        for descriptor in idp.children(SAMLNamespace.metadata, "KeyDescriptor").prefix(maxItems) {
            let use = descriptor.attribute("use")
            guard use == nil || use == "signing" || use == "encryption" else {
                throw SsoError(.samlMetadataMalformed, "a KeyDescriptor has the unknown use \"\(use ?? "")\"")
            }
            guard let keyInfo = descriptor.firstChild(SAMLNamespace.xmlDSig, "KeyInfo") else {
                throw SsoError(.samlMetadataMalformed, "a KeyDescriptor has no ds:KeyInfo")
            }
            guard keyInfo.children(SAMLNamespace.xmlDSig, "X509Data").count <= maxItems else {
                throw SsoError(.samlMetadataMalformed, "a KeyDescriptor has more than \(maxItems) X509Data elements")
            }
            var found: [SAMLCertificate] = []
            for data in keyInfo.children(SAMLNamespace.xmlDSig, "X509Data") {
                for element in data.children(SAMLNamespace.xmlDSig, "X509Certificate") {
                    found.append(try SAMLCertificate(base64: element.textContent))
                }
            }
            // A KeyDescriptor with only KeyName/KeyValue gives no certificate to trust: it is
            // skipped, and metadata left without a signing certificate is refused below.
            for certificate in found {
                if use != "encryption", !signing.contains(certificate) {
                    // Fail here, not later in SAMLSigningKeySet: parsed metadata always yields keys.
                    _ = try SAMLSigningKeySet.entry(for: certificate)
                    signing.append(certificate)
                }
                if use != "signing", !encryption.contains(certificate) { encryption.append(certificate) }
            }
        }
        return (signing, encryption)
    }
}

/// `text` without leading and trailing XML whitespace.
private func trimmed(_ text: String) -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
    guard let start = text.firstIndex(where: { !isSpace($0) }), let end = text.lastIndex(where: { !isSpace($0) }) else {
        return ""
    }
    return String(text[start...end])
}
