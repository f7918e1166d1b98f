import ReachLoader
import ReachModel
import Testing

/// `secrets-store.csi.x-k8s.io` SecretProviderClass decoding, parameters read as the Azure provider
/// reads them (Azure/secrets-store-csi-driver-provider-azure `pkg/provider/types/parameters.go`:
/// values trimmed, booleans by Go's `strconv.ParseBool`, empty = false, `tenantID` before the
/// deprecated `tenantId`, `objects` an `array:` of YAML strings; `pkg/auth/auth.go`: pod identity
/// and VM managed identity both true is refused). Shapes from the provider's `examples/`.
@Suite struct SecretProviderClassDecodeTests {
    static func spc(_ parameters: String, provider: String = "azure") -> String {
        """
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata: {name: kv, namespace: shop}
        spec:
          provider: \(provider)
          parameters:
        \(parameters)
        """
    }

    static let objects = """
            objects: |
              array:
                - |
                  objectName: secret1
                  objectType: secret
                  objectVersion: ""
                - |
                  objectName: key1
                  objectType: key
        """

    @Test func userAssignedIdentityExample() throws {
        let snap = load(Self.spc("""
            usePodIdentity: "false"
            useVMManagedIdentity: " true "
            userAssignedIdentityID: "C0000000-0000-0000-0000-00000000000B"
            keyvaultName: "kvname"
            cloudName: ""
            tenantId: "tid"
        """ + "\n" + Self.objects))
        #expect(snap.diagnostics.isEmpty, "\(snap.diagnostics)")
        let s = try #require(snap.secretProviderClasses.first)
        #expect((s.namespace, s.name, s.provider) == ("shop", "kv", "azure"))
        #expect(s.useVMManagedIdentity && !s.usePodIdentity)
        #expect(s.userAssignedIdentityID == "C0000000-0000-0000-0000-00000000000B")
        #expect(s.keyvaultName == "kvname" && s.tenantID == "tid" && s.clientID == nil)
        #expect(s.objects == [.init(name: "secret1", type: "secret"), .init(name: "key1", type: "key")])
    }

    @Test func workloadIdentityAndTenantIDSpelling() throws {
        let snap = load(Self.spc("""
            clientID: "c0000000-0000-0000-0000-00000000000a"
            keyvaultName: kvname
            tenantId: old
            tenantID: new
        """))
        let s = try #require(snap.secretProviderClasses.first)
        #expect(s.clientID == "c0000000-0000-0000-0000-00000000000a" && !s.useVMManagedIdentity && s.tenantID == "new")
        #expect(s.objects.isEmpty)
    }

    @Test func podVolumeNamesTheClass() throws {
        let snap = load("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: shop}
        spec:
          containers: [{name: c, image: x}]
          volumes:
            - name: a
              csi: {driver: secrets-store.csi.k8s.io, volumeAttributes: {secretProviderClass: kv}}
            - name: b
              csi: {driver: other.csi.example, volumeAttributes: {secretProviderClass: kv}}
        """)
        let pod = try #require(snap.pods.first)
        #expect(pod.spec.volumes.map(\.sources) == [[.csi(driver: "secrets-store.csi.k8s.io"), .secretProviderClass(name: "kv")],
                                                  [.csi(driver: "other.csi.example")]])
    }

    @Test func notABooleanIsALocatedError() {
        let snap = load(Self.spc("""
            useVMManagedIdentity: "yes"
            keyvaultName: kv
        """))
        #expect(snap.secretProviderClasses.isEmpty)
        let e = snap.errors.first
        #expect(e?.id == DiagnosticID.invalidValue)
        #expect(e?.path == "spec.parameters.useVMManagedIdentity")
        #expect(e?.location?.line == 7)
        #expect(e?.message.contains("strconv.ParseBool") == true)
    }

    @Test func podIdentityAndVMIdentityTogetherIsAnError() {
        let snap = load(Self.spc("""
            usePodIdentity: "true"
            useVMManagedIdentity: "TRUE"
        """))
        #expect(snap.secretProviderClasses.isEmpty)
        #expect(snap.errors.map(\.path) == ["spec.parameters.useVMManagedIdentity"])
    }

    @Test(arguments: [
        ("objects: \"array: [\"", "objects: line"),
        ("objects: \"items: []\"", "expected a mapping with an `array` list"),
        ("objects: |\n      array:\n        - [1, 2]", "array[0] is not a YAML string"),
        ("objects: |\n      array:\n        - |\n          objectType: secret", "array[0] has no objectName"),
    ])
    func malformedObjectsAreLocatedErrors(objects: String, message: String) {
        let snap = load(Self.spc("    " + objects))
        #expect(snap.secretProviderClasses.isEmpty)
        #expect(snap.errors.first?.path == "spec.parameters.objects")
        #expect(snap.errors.first?.message.contains(message) == true, "\(snap.errors)")
    }

    @Test func wrongTypesAreLocatedErrors() {
        let list = load(Self.spc("    keyvaultName: [a, b]"))
        #expect(list.errors.first?.id == DiagnosticID.wrongType)
        #expect(list.errors.first?.path == "spec.parameters.keyvaultName")
        let noSpec = load("apiVersion: secrets-store.csi.x-k8s.io/v1\nkind: SecretProviderClass\nmetadata: {name: kv}\n")
        #expect(noSpec.errors.map(\.path) == ["spec"])
        #expect(noSpec.secretProviderClasses.isEmpty)
    }
}
