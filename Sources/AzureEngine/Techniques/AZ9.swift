import ReachModel

/// AZ9 — mount a SecretProviderClass volume (Key Vault secrets).
///
/// Condition: a pod of N running as ServiceAccount a mounts a CSI volume with
/// `driver: secrets-store.csi.k8s.io` whose `volumeAttributes.secretProviderClass` names a
/// `provider: azure` SecretProviderClass of N, **and** the identity the Azure provider uses
/// (``AzureAuthorizer/secretProviderIdentity(_:namespace:serviceAccount:)``) may get the secret of
/// the vault `keyvaultName` (AZ6's test, ``AzureAuthorizer/secretGrants(_:vault:)``).
/// Target: `keyvault <keyvaultName>/<objectName>` for each `objectType: secret` object, from
/// `ServiceAccount:N/a`.
///
/// Follows the Azure provider of the Secrets Store CSI driver
/// (Azure/secrets-store-csi-driver-provider-azure `pkg/provider/types/parameters.go`,
/// `pkg/auth/auth.go` `GetAuthorizer`; its docs `configurations/identity-access-modes/`) and MicrosoftDocs
/// `articles/aks/csi-secrets-store-driver.md`.
/// The provider fails the mount when the identity cannot read an object, so without read access
/// there is no edge. The edge leaves the pod's ServiceAccount state: what runs in the pod (the
/// attack graph's E1/E5 land there) reads the mounted files.
public enum AZ9: AzureTechnique {
    public static let technique = AzureRoute.Technique.secretProviderClass
    public static let title = "mount a SecretProviderClass volume (Key Vault secrets)"
    public static let condition = """
        a pod of N running as ServiceAccount a mounts a CSI volume with `driver: secrets-store.csi.k8s.io` and \
        `volumeAttributes.secretProviderClass` naming a `provider: azure` SecretProviderClass of N, **and** the \
        identity the provider uses (`useVMManagedIdentity` + `userAssignedIdentityID`, or `clientID` whose \
        federated credentials, when collected, name the ServiceAccount) may get the secret (AZ6's test)
        """
    public static let targets = "`keyvault <keyvaultName>/<objectName>` for each `objectType: secret` object, from `ServiceAccount:N/a`"
    public static let source = "secrets-store-csi-driver-provider-azure `pkg/auth/auth.go`, `articles/aks/csi-secrets-store-driver.md`"

    /// AZ9 edges of every pod mounting an Azure SecretProviderClass, sorted.
    /// - Complexity: O(pods × volumes + mounted classes × (identities + vault grants)).
    static func routes(_ a: AzureAuthorizer, snapshot: ClusterSnapshot) -> [AzureRoute] {
        var classes: [String: SecretProviderClass] = [:]
        for spc in snapshot.secretProviderClasses { classes["\(spc.namespace)/\(spc.name)"] = spc }
        var out = Set<AzureRoute>()
        for pod in snapshot.pods {
            let ns = pod.meta.namespace ?? "default", sa = pod.spec.serviceAccountName ?? "default"
            for volume in pod.spec.volumes {
                for case .secretProviderClass(let name) in volume.sources {
                    guard let spc = classes["\(ns)/\(name)"], spc.provider == "azure" else { continue }
                    out.formUnion(routes(a, spc, pod: "\(ns)/\(pod.meta.name)", volume: volume.name, serviceAccount: sa))
                }
            }
        }
        return out.sorted()
    }

    /// The edges of one mount of `spc` by `pod` running as `sa`.
    /// - Complexity: O(identities + vault grants of the provider's identity + objects).
    static func routes(_ a: AzureAuthorizer, _ spc: SecretProviderClass, pod: String, volume: String, serviceAccount sa: String) -> [AzureRoute] {
        guard let vaultName = spc.keyvaultName?.lowercased(),
              let vault = a.environment.keyVaults.first(where: { $0.name.lowercased() == vaultName }),
              let (oid, how) = a.secretProviderIdentity(spc, namespace: spc.namespace, serviceAccount: sa) else { return [] }
        let readable = a.secretGrants(oid, vault: vault)
        let identity = a.directory.principal(for: oid).description
        var out: [AzureRoute] = []
        for object in spc.objects where object.type.lowercased() == "secret" {
            guard let hit = readable.first(where: { $0.secret == "*" || $0.secret.lowercased() == object.name.lowercased() }) else { continue }
            out.append(AzureRoute(technique, from: "ServiceAccount:\(spc.namespace)/\(sa)", to: "keyvault \(vault.name)/\(object.name)",
                                  evidence: ["pod \(pod) mounts volume \(volume): SecretProviderClass \(spc.namespace)/\(spc.name)",
                                             "identity \(identity): \(how)"] + hit.grants.map(\.description)))
        }
        return out
    }
}
