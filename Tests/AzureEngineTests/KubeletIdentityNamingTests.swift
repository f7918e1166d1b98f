import AzureEngine
import ReachLoader
import ReachModel
import ReachTestSupport
import Testing

/// A kubelet identity that `identities.json` does not list is named `ManagedIdentity:<object id>`
/// everywhere (issue 18: managed identities are `ManagedIdentity:<name>`; the kubelet identity is
/// the user-assigned managed identity of the node pools, MicrosoftDocs
/// `articles/aks/managed-identity-overview.md`): AZ8's target and the identity named in AZ9's
/// evidence agree, and the name resolves back to the object.
@Suite struct KubeletIdentityNamingTests {
    static let kubelet = "d0000000-0000-0000-0000-00000000000b"

    @Test func az8AndAz9NameTheKubeletIdentityAlike() throws {
        let snap = ManifestLoader().load(paths: [TestPaths.fixture("azure/secret-provider-class/input")])
        let (env, _) = AzureDirectoryReader.load(directory: TestPaths.fixture("azure/secret-provider-class/azure"))
        #expect(!env.identities.contains { $0.principalId == Self.kubelet }, "the fixture's kubelet identity is not in identities.json")
        let a = AzureAuthorizer(environment: env)
        let az8 = try #require(AZ8.route(a, from: "Node:*"))
        #expect(az8.route.to == "ManagedIdentity:\(Self.kubelet)")
        #expect(az8.objectID == Self.kubelet)
        // shop/web's class uses the kubelet identity by client ID (useVMManagedIdentity).
        let web = a.secretProviderClassRoutes(snapshot: snap).filter { $0.from == "ServiceAccount:shop/web" }
        #expect(!web.isEmpty)
        for r in web { #expect(r.evidence.contains { $0.hasPrefix("identity \(az8.route.to): useVMManagedIdentity") }, "\(r.evidence)") }
        #expect(!web.flatMap(\.evidence).contains { $0.contains("AzureServicePrincipal:\(Self.kubelet)") })
        #expect(a.directory.principal(for: Self.kubelet).description == az8.route.to)
        #expect(a.directory.objectID(of: AzurePrincipalRef(.managedIdentity, Self.kubelet)) == Self.kubelet)
    }

    @Test func listedKubeletIdentityKeepsItsName() throws {
        let (env, _) = AzureDirectoryReader.load(directory: TestPaths.fixture("azure/kubelet-footholds/azure"))
        let a = AzureAuthorizer(environment: env)
        let az8 = try #require(AZ8.route(a, from: "Node:aks-nodepool1-0"))
        #expect(az8.route.to == "ManagedIdentity:aks-prod-agentpool")
        #expect(a.directory.principal(for: az8.objectID).description == az8.route.to)
    }
}
