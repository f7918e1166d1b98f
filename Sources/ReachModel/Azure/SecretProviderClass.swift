/// A Secrets Store CSI driver `SecretProviderClass` (`secrets-store.csi.x-k8s.io`) for the Azure Key
/// Vault provider (docs/azure.md "SecretProviderClass"). Only what decides which identity reads which
/// Key Vault objects is kept; parameter names and defaults follow the provider
/// (Azure/secrets-store-csi-driver-provider-azure `pkg/provider/types/parameters.go`, `pkg/auth/auth.go`).
public struct SecretProviderClass: Hashable, Sendable {
    /// One entry of `parameters.objects` (`array:` of YAML strings): `objectName`, `objectType`
    /// (`secret`, `key` or `cert`).
    public struct Object: Hashable, Sendable {
        public var name: String
        public var type: String
        public init(name: String, type: String) {
            self.name = name
            self.type = type
        }
    }

    public var meta: ObjectMeta
    /// `spec.provider` (only `azure` objects are resolved to Key Vault secrets).
    public var provider: String
    /// `parameters.keyvaultName` (trimmed).
    public var keyvaultName: String?
    public var objects: [Object]
    /// `parameters.clientID`: workload identity (the pod's ServiceAccount token is exchanged for it).
    public var clientID: String?
    /// `parameters.usePodIdentity` (aad-pod-identity).
    public var usePodIdentity: Bool
    /// `parameters.useVMManagedIdentity` with `userAssignedIdentityID` (empty: the VM's system-assigned identity).
    public var useVMManagedIdentity: Bool
    public var userAssignedIdentityID: String?
    /// `parameters.tenantID`, else the deprecated `tenantId`.
    public var tenantID: String?

    public init(meta: ObjectMeta, provider: String, keyvaultName: String?, objects: [Object], clientID: String?,
                usePodIdentity: Bool, useVMManagedIdentity: Bool, userAssignedIdentityID: String?, tenantID: String?) {
        self.meta = meta
        self.provider = provider
        self.keyvaultName = keyvaultName
        self.objects = objects
        self.clientID = clientID
        self.usePodIdentity = usePodIdentity
        self.useVMManagedIdentity = useVMManagedIdentity
        self.userAssignedIdentityID = userAssignedIdentityID
        self.tenantID = tenantID
    }

    public var namespace: String { meta.namespace ?? "default" }
    public var name: String { meta.name }
}
