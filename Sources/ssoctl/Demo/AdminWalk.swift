import Foundation
import Sso

/// The admin half of the demo: one organization's connections, routing, enforcement and
/// legacy config (sessions come from the real logins of ``LoginWalk``) on an in-memory engine, printed step by step.
final class AdminWalk {
    let printer: DemoPrinter
    let engine: SsoEngine
    /// How many checks failed.
    private(set) var failures = 0

    var okta: SsoConnection?
    var entra: SsoConnection?
    var ldap: SsoConnection?

    init(printer: DemoPrinter, engine: SsoEngine = SsoEngine()) {
        self.printer = printer
        self.engine = engine
    }

    /// Runs every step; returns whether all of them did what they should.
    func run() async -> Bool {
        printer.line("swift-sso demo: an SsoEngine embedded in this process, in-memory stores, no network.")
        guard
            let org = await attempt(
                "open the organization", { try self.engine.organization(DemoFixtures.organizationID) })
        else {
            return false
        }
        await createConnections(org)
        await showValidation(org)
        await showConflict()
        await routeEmails()
        await enforce(org)
        await updateAndDelete(org)
        await legacyConfig(org)
        return failures == 0
    }

    /// Runs `body`, printing its error and counting a failure when it throws.
    func attempt<T>(_ label: String, _ body: () async throws -> T) async -> T? {
        do {
            return try await body()
        } catch let error as SsoError {
            failures += 1
            printer.fail("\(label): \(error.code): \(error.message)")
        } catch {
            failures += 1
            printer.fail("\(label): \(error)")
        }
        return nil
    }

    /// Runs `body`, which must fail with `code`; prints the refusal.
    func expectRefusal<T>(_ code: SsoError.Code, _ label: String, _ body: () async throws -> T) async {
        do {
            _ = try await body()
            failures += 1
            printer.fail("\(label): accepted, but it should have been refused with \(code)")
        } catch let error as SsoError where error.code == code {
            printer.ok("\(label) → refused: \(error.code): \(error.message)")
        } catch {
            failures += 1
            printer.fail("\(label): unexpected error \(error)")
        }
    }

    /// Records a check.
    func check(_ condition: Bool, _ text: String) {
        if condition {
            printer.ok(text)
        } else {
            failures += 1
            printer.fail(text)
        }
    }

    func jsonText<T: Encodable>(_ value: T) -> String {
        (try? JSONEncoder().encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
