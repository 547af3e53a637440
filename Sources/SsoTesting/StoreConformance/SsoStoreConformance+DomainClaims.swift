import Foundation
import Sso

extension SsoStoreConformance {
    static let domainClaimsUnique = Check(
        "domain claims are unique across organizations, case and IDNA variants included"
    ) { stores in
        let store = stores.connections
        let (label, idnaLabel) = (Unique.label(), "bücher-\(Unique.hex())")
        let plain = try DomainName("\(label).example")
        let idna = try DomainName("\(idnaLabel).example")
        let owner = Records.connection(organizationID: Unique.id("org"), domains: [plain, idna])
        try await store.insert(owner)

        let other = Unique.id("org")
        let variants = [
            "\(label.uppercased()).EXAMPLE", "\(label).Example.", idna.ascii, "\(idnaLabel.uppercased()).example",
        ]
        for variant in variants {
            let claim = Records.connection(organizationID: other, domains: [try DomainName(variant)])
            try await Expect.error(.routingDomainConflict, "another organization claiming \(variant)") {
                try await store.insert(claim)
            }
            try await Expect.error(
                .routingDomainConflict, "another connection of the owner's organization claiming \(variant)"
            ) {
                try await store.insert(
                    Records.connection(organizationID: owner.organizationID, domains: [try DomainName(variant)]))
            }
            try Expect.equal(try await store.route(try DomainName(variant))?.id, owner.id, "the route of \(variant)")
        }
        try Expect.equal(
            try await store.connections(organizationID: other), [], "the refused organization's connections")
        try Expect.equal(
            try await store.connections(organizationID: owner.organizationID).map(\.id), [owner.id],
            "the owner's connections")
        var renamed = owner
        renamed.name = "Renamed"
        renamed.domains = [idna, plain]
        try Expect.that(try await store.replace(renamed), "a replace that keeps the connection's own domains")
    }

    static let domainClaimsAllOrNothing = Check("domain claims are all or nothing; remove and replace release domains")
    {
        stores in
        let store = stores.connections
        let taken = try Unique.domain()
        let owner = Records.connection(organizationID: Unique.id("org"), domains: [taken])
        try await store.insert(owner)

        let organization = Unique.id("org")
        let fresh = try Unique.domain()
        let refused = Records.connection(organizationID: organization, domains: [fresh, taken])
        try await Expect.error(.routingDomainConflict, "an insert with one taken domain of two") {
            try await store.insert(refused)
        }
        try Expect.equal(try await store.connection(id: refused.id), nil, "the refused connection")
        try Expect.equal(try await store.route(fresh)?.id, nil, "the route of the refused record's free domain")
        try Expect.equal(try await store.connections(organizationID: organization), [], "connections after the refusal")

        let (kept, dropped) = (try Unique.domain(), try Unique.domain())
        let second = Records.connection(organizationID: organization, domains: [kept, dropped])
        try await store.insert(second)
        var grabbing = second
        grabbing.domains = [kept, taken]
        grabbing.name = "Grabbing"
        try await Expect.error(.routingDomainConflict, "a replace that takes another connection's domain") {
            _ = try await store.replace(grabbing)
        }
        try Expect.equal(try await store.connection(id: second.id), second, "the record after the refused replace")
        for domain in [kept, dropped] {
            try Expect.equal(
                try await store.route(domain)?.id, second.id, "the route of \(domain) after the refused replace")
        }
        try Expect.equal(try await store.route(taken)?.id, owner.id, "the route of the other connection's domain")

        var narrowed = second
        narrowed.domains = [kept]
        try Expect.that(try await store.replace(narrowed), "a replace that drops a domain")
        try Expect.equal(try await store.route(dropped)?.id, nil, "the route of a domain released by replace")
        try Expect.equal(try await store.route(kept)?.id, second.id, "the route of the domain replace kept")
        try await store.insert(Records.connection(organizationID: organization, domains: [dropped]))

        try Expect.equal(
            try await store.remove(id: owner.id, organizationID: owner.organizationID), owner, "the removed connection")
        try Expect.equal(try await store.route(taken)?.id, nil, "the route of a domain released by remove")
        try Expect.equal(try await store.connection(id: owner.id), nil, "a removed connection")
        try Expect.equal(
            try await store.remove(id: owner.id, organizationID: owner.organizationID), nil, "a second remove")
        try await store.insert(Records.connection(organizationID: organization, domains: [taken]))
    }

    static let routing = Check("route finds exact and subdomain claims, nearest parent first") { stores in
        let store = stores.connections
        let organization = Unique.id("org")
        let root = Unique.label() + ".example"
        func domain(_ name: String) throws -> DomainName { try DomainName(name) }
        let top = Records.connection(organizationID: organization, domains: [try domain(root)], matchSubdomains: true)
        let sub = Records.connection(
            organizationID: organization, domains: [try domain("sub.\(root)")], matchSubdomains: true)
        let mid = Records.connection(organizationID: organization, domains: [try domain("mid.\(root)")])
        let exactOnly = try Unique.domain()
        let exact = Records.connection(organizationID: organization, domains: [exactOnly])
        for record in [top, sub, mid, exact] { try await store.insert(record) }

        let expected: [(String, String?)] = [
            (root, top.id), ("x.\(root)", top.id), ("a.b.\(root)", top.id), ("sub.\(root)", sub.id),
            ("a.sub.\(root)", sub.id), ("mid.\(root)", mid.id), ("leaf.mid.\(root)", top.id),
            (exactOnly.ascii, exact.id), ("x.\(exactOnly.ascii)", nil), ("\(Unique.label()).example", nil),
        ]
        for (name, id) in expected {
            try Expect.equal(try await store.route(try domain(name))?.id, id, "the route of \(name)")
        }
        _ = try await store.remove(id: sub.id, organizationID: organization)
        try Expect.equal(try await store.route(try domain("a.sub.\(root)"))?.id, top.id, "a.sub after removing sub")
        var exactTop = top
        exactTop.matchSubdomains = false
        try Expect.that(try await store.replace(exactTop), "a replace turning subdomain matching off")
        try Expect.equal(try await store.route(try domain("x.\(root)"))?.id, nil, "a subdomain after matching was off")
        try Expect.equal(try await store.route(try domain(root))?.id, top.id, "the exact claim after matching was off")
    }
}
