import Foundation
import ReachKit
import ReachModel
import ReachTestSupport
import Testing
@testable import ReachCLI

/// Issue 16: AKS JSON with wrong types or invalid CIDRs used to be accepted silently and the checks
/// reading those fields were marked passed. Now: located errors, those checks not evaluated, exit 2.
@Suite struct HostileAKSTests {
    static let fixture = TestPaths.fixture("invalid/aks/cluster-wrong-types.json")

    @Test func wrongTypesAndInvalidCIDRsAreLocatedErrors() throws {
        let (cluster, diagnostics) = Analyzer.loadAKSCluster(path: Self.fixture)
        let c = try #require(cluster)
        let found = diagnostics.map { "\($0.location?.line ?? 0) \($0.path ?? ""): \($0.message)" }
        #expect(found == [
            "6 enablerbac: expected a boolean, found a string",
            "8 apiserveraccessprofile.authorizedipranges: expected a list of CIDRs, found a string",
            "9 networkprofile.podcidr: invalid CIDR '10.244.0.0/33'",
            "9 networkprofile.servicecidrs[1]: expected a CIDR string, found a number",
        ])
        #expect(diagnostics.allSatisfy { $0.severity == .error })
        #expect(c.invalidSettings.count == 4)
    }

    /// A list where a strict boolean belongs (`disableLocalAccounts: [true]`) is a wrong type too
    /// (the `where` guard used to apply to objects only, so lists passed unchecked).
    @Test func listInPlaceOfAStrictBooleanIsAWrongType() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("aks-list-bool-\(UUID().uuidString).json")
        try Data(#"{"type": "Microsoft.ContainerService/ManagedClusters", "properties": {"enableRBAC": true, "disableLocalAccounts": [true]}}"#.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let (_, diagnostics) = Analyzer.loadAKSCluster(path: file.path)
        #expect(diagnostics.contains { $0.path == "disablelocalaccounts" && $0.message.hasPrefix("expected a boolean") },
                "\(diagnostics)")
    }

    @Test func checksReadingAnInvalidSettingAreNotPassed() {
        let (out, code) = KubeReach.execute(["audit", "--aks", Self.fixture, "-o", "json"])
        #expect(code == 2)
        let json = (try? JSONSerialization.jsonObject(with: Data(out.utf8))) as? [String: Any] ?? [:]
        let passed = json["passed"] as? [String] ?? []
        #expect(!passed.contains("AKS-API-002"), "\(passed)")
        #expect(out.contains("reads invalid setting apiserveraccessprofile.authorizedipranges"))
    }
}
