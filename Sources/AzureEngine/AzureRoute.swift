import ReachModel

/// An edge of the Azure identity layer (docs/azure.md "Edges"): from an Entra principal, a managed
/// identity or a Kubernetes ServiceAccount to cluster-admin, a Kubernetes identity, a managed
/// identity, a Key Vault secret or a registry. One technique ID per kind.
public struct AzureRoute: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Technique IDs (docs/attack-techniques.md "Azure identity edges"); each has its file
    /// `Techniques/<ID>.swift` (``AzureTechniqueCatalog``) and fixture `Fixtures/attacks/<ID>/`.
    public enum Technique: String, Hashable, Sendable, CaseIterable, Comparable {
        /// `listClusterAdminCredential` with local accounts enabled → cluster-admin.
        case adminCredential = "AZ1"
        /// `listClusterUserCredential` on a cluster without Entra integration → cluster-admin.
        case userCredentialWithoutEntra = "AZ2"
        /// Member of `aadProfile.adminGroupObjectIDs` → cluster-admin.
        case adminGroup = "AZ3"
        /// Entra principal → its Kubernetes identity (`User:<upn or oid>` with its groups).
        case entraIdentity = "AZ4"
        /// ServiceAccount token exchanged for a managed identity (workload identity federation).
        case workloadIdentity = "AZ5"
        /// Key Vault secret readable (RBAC `getSecret` or an access policy with `get`).
        case keyVaultSecret = "AZ6"
        /// AcrPush on a registry (image supply chain into the cluster).
        case registryPush = "AZ7"
        /// A node foothold → the kubelet's managed identity (`identityProfile.kubeletidentity`).
        case kubeletIdentity = "AZ8"
        /// A pod mounting a SecretProviderClass volume → the Key Vault secrets it names, when the
        /// identity the Azure provider uses can read them.
        case secretProviderClass = "AZ9"

        public static func < (a: Technique, b: Technique) -> Bool { a.rawValue < b.rawValue }

        /// The title of the technique's file (``AzureTechniqueCatalog``).
        public var title: String { AzureTechniqueCatalog.technique(self).title }
    }

    public var technique: Technique
    /// `AzureUser:…`, `ManagedIdentity:…`, `ServiceAccount:ns/name`, `Node:*`.
    public var from: String
    /// `Group:system:masters` (cluster-admin), `User:<name>`, `ManagedIdentity:<name>`,
    /// `keyvault <vault>/<secret>` or `keyvault <vault>/*`, `acr <registry>`.
    public var to: String
    /// Why: the grants, settings and objects that make the edge.
    public var evidence: [String]

    public init(_ technique: Technique, from: String, to: String, evidence: [String]) {
        self.technique = technique
        self.from = from
        self.to = to
        self.evidence = evidence
    }

    public var description: String { "\(from) --\(technique.rawValue)--> \(to)" }

    public static func < (a: AzureRoute, b: AzureRoute) -> Bool {
        (a.from, a.technique, a.to) < (b.from, b.technique, b.to)
    }

    /// The target every cluster-admin edge leads to: the AKS admin credential is a client
    /// certificate in `system:masters`, and `cluster-admin` (admin groups) allows every request
    /// just as that group does in the RBAC model (rbac.md rule 3).
    public static let clusterAdmin = "Group:system:masters"
}
