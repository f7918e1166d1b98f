@testable import Audit
import AzureEngine
import Foundation
import ReachKit
import ReachLoader
import ReachModel
import ReachTestSupport
import Testing

/// The Azure identity checks (CheckRegistry.azure) against `Fixtures/audit/<ID>/{positive,negative}/azure`:
/// positive triggers, negative does not; IDs unique and documented; not evaluated without `--azure`.
@Suite struct AzureAuditChecksTests {
    static let ids = CheckRegistry.azure.map(\.info.id).sorted()

    static func context(_ id: String, _ variant: String) -> AuditContext {
        let dir = AuditFixtures.folder(id, variant).appendingPathComponent("azure").path
        let (env, diags) = AzureDirectoryReader.load(directory: dir)
        #expect(diags.filter { $0.severity == .error }.isEmpty, "\(diags)")
        var context = AuditContext(snapshot: nil, cluster: env.cluster)
        context.azure = AzureAuthorizer(environment: env)
        return context
    }

    @Test(arguments: ids) func positiveTriggers(_ id: String) throws {
        let check = try #require(CheckRegistry.azure.first { $0.info.id == id })
        guard case .failed(let findings) = AuditEngine.outcome(of: check, Self.context(id, "positive")) else {
            Issue.record("\(id): positive fixture did not trigger")
            return
        }
        #expect(findings.allSatisfy { !$0.locations.isEmpty }, "findings point at the Azure inputs")
    }

    @Test(arguments: ids) func negativePasses(_ id: String) throws {
        let check = try #require(CheckRegistry.azure.first { $0.info.id == id })
        #expect(AuditEngine.outcome(of: check, Self.context(id, "negative")) == .passed)
    }

    @Test func notEvaluatedWithoutAzure() {
        for check in CheckRegistry.azure {
            #expect(AuditEngine.outcome(of: check, AuditContext(snapshot: nil, cluster: nil)) == .notEvaluated("needs the Azure folder (--azure DIR)"))
        }
    }

    @Test func idsAreUniqueAndApartFromTheDefaultRun() {
        let all = Set(CheckRegistry.all.map(\.info.id))
        #expect(Set(Self.ids).count == Self.ids.count)
        #expect(all.isDisjoint(with: Self.ids))
    }

    @Test func findingsOfTheScenario() {
        let (env, _) = AzureDirectoryReader.load(directory: TestPaths.fixture("azure/scenario/azure"))
        var context = AuditContext(snapshot: nil, cluster: env.cluster)
        context.azure = AzureAuthorizer(environment: env)
        let report = AuditEngine.run(context, checks: CheckRegistry.azure)
        #expect(report.findings.map { "\($0.checkID) \($0.subject)" } == [
            "AKS-AZ-001 AzureUser:11111111-0000-0000-0000-000000000001",
            "AKS-AZ-001 ManagedIdentity:aks-prod-agentpool",
            "AKS-AZ-002 AzureUser:11111111-0000-0000-0000-000000000001",
            "AKS-AZ-003 ServiceAccount:prod/orders",
            "AKS-AZ-004 ManagedIdentity:aks-prod-agentpool",
        ])
    }
}
