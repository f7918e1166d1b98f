import Foundation
import ReachLoader
import ReachModel
import Testing

/// Multi-document streams, Lists, JSON, encodings, empty documents.
@Suite struct StreamTests {
    @Test func multiDocumentWithEmptyAndCommentOnlyDocuments() {
        let s = load("""
        # leading comment
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: a}
        ---
        # only a comment
        ---
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: b}
        ...
        """)
        #expect(s.namespaces.map(\.name) == ["a", "b"])
        #expect(s.diagnostics.isEmpty)
        #expect(s.namespaces[0].location == SourceLocation(file: "test.yaml", document: 1, line: 3, column: 1))
        #expect(s.namespaces[1].location.document == 2)
        #expect(s.namespaces[1].location.line == 10)
    }

    @Test func commentOnlyFileYieldsNothing() {
        let s = load("# apiVersion: v1\n# kind: Namespace\n\n")
        #expect(s.allObjects.isEmpty)
        #expect(s.diagnostics.isEmpty)
    }

    @Test func kindListItemsNeedTheirOwnKind() {
        let s = load("""
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: ServiceAccount
          metadata: {name: sa, namespace: x}
        - apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRole
          metadata: {name: r}
        """)
        #expect(s.serviceAccounts.map(\.name) == ["sa"])
        #expect(s.clusterRoles.map(\.name) == ["r"])
        #expect(s.clusterRoles[0].location.line == 7)
    }

    @Test func typedListItemsInheritKindAndApiVersion() {
        let s = load("""
        {"apiVersion": "v1", "kind": "PodList", "items": [
          {"metadata": {"name": "p1", "namespace": "ns"}, "spec": {"containers": [{"name": "c"}]}},
          {"metadata": {"name": "p2", "namespace": "ns"}, "spec": {"containers": [{"name": "c"}]}}
        ]}
        """, name: "pods.json")
        #expect(s.pods.map(\.name) == ["p1", "p2"])
        #expect(s.pods[1].location.line == 3)
    }

    @Test func typedRBACListFromKubePrometheusStyle() {
        let s = load("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleList
        items:
        - apiVersion: rbac.authorization.k8s.io/v1
          kind: Role
          metadata: {name: r1, namespace: default}
          rules: []
        - metadata: {name: r2, namespace: kube-system}
        """)
        #expect(s.roles.map(\.name) == ["r1", "r2"])
    }

    @Test func crlfLineEndingsAndBOM() {
        let text = "\u{FEFF}apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  name: crlf\r\n---\r\napiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  name: second\r\n"
        let s = load(text)
        #expect(s.namespaces.map(\.name) == ["crlf", "second"])
        #expect(s.namespaces[1].location.line == 6)
        #expect(s.diagnostics.isEmpty)
    }

    @Test func utf16WithBOMFromStdin() {
        var data = Data([0xFF, 0xFE])
        data.append("apiVersion: v1\nkind: Namespace\nmetadata: {name: u16}\n".data(using: .utf16LittleEndian) ?? Data())
        let s = ManifestLoader().load(paths: ["-"], stdin: { data })
        #expect(s.namespaces.map(\.name) == ["u16"])
        #expect(s.files == ["<stdin>"])
    }

    @Test func invalidUTF8IsALocatedError() {
        let s = ManifestLoader().load(paths: ["-"], stdin: { Data([0x61, 0xFF, 0xFE, 0xFD, 0x0A]) })
        #expect(s.errors.count == 1)
        #expect(s.errors.first?.id == DiagnosticID.unreadable)
    }

    /// The shape of netpol-analyzer's acs-security-demos-added-workloads files: a TAB inside a
    /// flow sequence is separation whitespace (Go's YAML and libyaml accept it; PyYAML does not).
    @Test func tabInsideFlowSequenceIsAccepted() {
        let s = load("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    args:\n      [\n        \"-jar\",\n\t        \"x\",\n      ]\n")
        #expect(s.pods.count == 1)
        #expect(s.diagnostics.isEmpty)
    }

    /// A TAB used as block indentation is a syntax error (as in Go's YAML), located on its line.
    @Test func tabAsBlockIndentationIsALocatedError() {
        let s = load("apiVersion: v1\nkind: Namespace\nmetadata:\n\tname: a\n")
        #expect(s.namespaces.isEmpty)
        #expect(s.errors.first?.location?.line == 4)
    }

    @Test func scalarAndSequenceRootsAreErrors() {
        let s = load("just a string\n---\n- a\n- b\n")
        #expect(s.errors.count == 2)
        #expect(s.errors.allSatisfy { $0.id == DiagnosticID.notAnObject })
    }

    @Test func aksClusterDocumentIsSkippedNotAnError() {
        let s = load(#"{"type": "Microsoft.ContainerService/ManagedClusters", "properties": {"kubernetesVersion": "1.30"}}"#)
        #expect(s.errors.isEmpty)
        #expect(s.skippedKinds.values.reduce(0, +) == 1)
    }
}
