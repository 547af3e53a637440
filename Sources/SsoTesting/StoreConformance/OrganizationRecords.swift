import Foundation
import Sso

/// Legacy config records for the checks.
enum OrganizationRecords {
    /// A legacy OIDC config with a client secret.
    static func config(organizationID: String, createdAt: Date = SsoStoreConformance.storyTime) -> SsoConfigRecord {
        SsoConfigRecord(
            organizationID: organizationID, issuerURL: "https://accounts.google.example",
            clientID: "legacy-\(Unique.hex()).apps.example", clientSecret: Secret("GOCSPX-\(Unique.hex())"),
            redirectURI: "https://app.example.com/sso/legacy/callback", createdAt: createdAt,
            updatedAt: createdAt.addingTimeInterval(60))
    }
}
