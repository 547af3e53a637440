// Email-domain routing on its own: normalise what the user typed (case, IDNA, trailing dot)
// and find the connection that claims the domain, the most specific claim first.
import SsoRouting

var table = RoutingTable()
try table.assign([DomainName("acme.com")], to: "conn_okta")
try table.assign([DomainName("eu.acme.com")], to: "conn_entra", includeSubdomains: true)

let route = try table.route(normalizing: "Alice@Paris.EU.Acme.com")
print(route.connectionID, route.matchedDomain)  // conn_entra eu.acme.com

let email = try EmailAddress("bob@ACME.com")
print(table.route(email)?.connectionID ?? "no connection")  // conn_okta
print(try DomainName("Bücher.example").ascii)  // xn--bcher-kva.example
