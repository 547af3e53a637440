import SsoRouting
import SsoTestSupport
import Testing

@Suite struct RoutingTableTests {
    func names(_ list: String...) throws -> [DomainName] { try list.map { try DomainName($0) } }

    @Test func routesExactDomainsAndEmails() throws {
        var table = RoutingTable()
        try table.assign(names("mycompany.com", "mycompany.org"), to: "conn_a")
        #expect(table.route(try DomainName("MyCompany.com."))?.connectionID == "conn_a")
        #expect(table.route(try EmailAddress("alice@mycompany.org"))?.connectionID == "conn_a")
        #expect(try table.route(normalizing: "Bob@MYCOMPANY.COM").connectionID == "conn_a")
        #expect(table.route(try DomainName("other.com")) == nil)
        #expect(table.count == 2)
    }

    @Test func unknownDomainIsNoConnection() throws {
        let table = RoutingTable()
        #expect(errorCode { try table.route(normalizing: "nobody.example") } == .routingNoConnection)
        #expect(errorCode { try table.route(normalizing: "a@b@nobody.example") } == .routingInvalidEmail)
    }

    @Test func conflictingClaimChangesNothing() throws {
        var table = RoutingTable()
        try table.assign(names("bücher.example"), to: "conn_a")
        for variant in ["BÜCHER.example", "bücher.example.", "xn--bcher-kva.example"] {
            #expect(
                errorCode { try table.assign(names("fresh.example", variant), to: "conn_b") }
                    == .routingDomainConflict)
        }
        #expect(table.route(try DomainName("fresh.example")) == nil)
        #expect(table.domains(of: "conn_b").isEmpty)
        #expect(table.route(try DomainName("bücher.example"))?.connectionID == "conn_a")
        #expect(table.count == 1)
    }

    @Test func reassignReplacesTheSetAtomically() throws {
        var table = RoutingTable()
        try table.assign(names("a.example", "b.example"), to: "conn_a")
        try table.assign(names("b.example", "c.example"), to: "conn_a")
        #expect(table.route(try DomainName("a.example")) == nil)
        #expect(table.domains(of: "conn_a").map(\.ascii) == ["b.example", "c.example"])
        try table.assign(names("d.example"), to: "conn_b")
        #expect(
            errorCode { try table.assign(names("e.example", "d.example"), to: "conn_a") }
                == .routingDomainConflict)
        #expect(table.domains(of: "conn_a").map(\.ascii) == ["b.example", "c.example"])
        table.remove(connectionID: "conn_a")
        #expect(table.count == 1)
        #expect(table.route(try DomainName("b.example")) == nil)
    }

    @Test func duplicatesInOneClaimAreMerged() throws {
        var table = RoutingTable()
        try table.assign(names("bücher.example", "XN--BCHER-KVA.example"), to: "conn_a")
        #expect(table.domains(of: "conn_a").count == 1)
    }

    @Test func singleLabelDomainsAreNotRoutable() throws {
        var table = RoutingTable()
        #expect(errorCode { try table.assign(names("com"), to: "conn_a") } == .routingInvalidDomain)
        #expect(table.count == 0)
    }

    @Test func subdomainsMatchOnlyWhenEnabledAndMostSpecificWins() throws {
        var table = RoutingTable()
        try table.assign(names("example.com"), to: "conn_exact")
        #expect(table.route(try DomainName("eu.example.com")) == nil)
        try table.assign(names("corp.example"), to: "conn_wide", includeSubdomains: true)
        try table.assign(names("eu.corp.example"), to: "conn_eu")
        #expect(table.route(try DomainName("x.y.corp.example"))?.connectionID == "conn_wide")
        #expect(table.route(try DomainName("x.y.corp.example"))?.matchedDomain.ascii == "corp.example")
        #expect(table.route(try DomainName("eu.corp.example"))?.connectionID == "conn_eu")
        #expect(table.route(try DomainName("corp.example"))?.connectionID == "conn_wide")
        #expect(table.route(try DomainName("notcorp.example")) == nil)
        table.remove(connectionID: "conn_wide")
        #expect(table.route(try DomainName("x.corp.example")) == nil)
    }
}
