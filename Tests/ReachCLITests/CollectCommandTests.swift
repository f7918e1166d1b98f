import Foundation
import ReachKit
import ReachTestSupport
import Testing
@testable import ReachCLI

/// `kube-reach collect` against a fake `kubectl` (and `az`) first on `PATH` that records its
/// arguments and serves the recorded outputs of `Fixtures/collect/`.
@Suite struct CollectCommandTests {
    /// A temporary folder with `bin/kubectl`, `bin/az`, the output folder `out` and the log of
    /// every fake invocation (`calls.log`, one line per call: the program name and its arguments).
    struct FakeCluster {
        let root: URL
        var bin: URL { root.appendingPathComponent("bin") }
        var out: URL { root.appendingPathComponent("out") }
        var log: URL { root.appendingPathComponent("calls.log") }

        /// `forbidden`: a resource answered with a Forbidden error (exit 1); `script`: extra shell
        /// lines run first (they may serve the output themselves).
        init(forbidden: String? = nil, extra script: String = "") throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("kube-reach-collect-\(UUID().uuidString)")
            let fixtures = TestPaths.fixture("collect")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("bin"), withIntermediateDirectories: true)
            // The forbidden message carries an escape sequence and a bidi override: it must reach
            // the terminal escaped.
            let forbid = forbidden.map { resource in
                """
                for a in "$@"; do
                  if [ "$a" = "\(resource)" ]; then
                    printf 'Error from server (Forbidden): %s is forbidden: User "alice@example.com" cannot list resource "%s" in API group "" at the cluster scope \\033[31mred\\342\\200\\256\\n' "\(resource)" "\(resource)" >&2
                    exit 1
                  fi
                done
                """
            } ?? ""
            try Self.writeScript(bin.appendingPathComponent("kubectl"), """
                #!/bin/sh
                echo "kubectl $*" >> '\(log.path)'
                \(script)
                \(forbid)
                for a in "$@"; do
                  if [ -f '\(fixtures)'/"$a".json ]; then cat '\(fixtures)'/"$a".json; exit 0; fi
                done
                echo '{"apiVersion":"v1","items":[],"kind":"List","metadata":{"resourceVersion":""}}'
                """)
            try Self.writeScript(bin.appendingPathComponent("az"), """
                #!/bin/sh
                echo "az $*" >> '\(log.path)'
                cat '\(fixtures)/aks.json'
                """)
        }

        static func writeScript(_ url: URL, _ text: String) throws {
            try text.write(to: url, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }

        /// This process's environment with `PATH` = `path` (default: the fakes first).
        func environment(path: String? = nil) -> [String: String] {
            var env = ProcessInfo.processInfo.environment
            env["PATH"] = path ?? "\(bin.path):\(env["PATH"] ?? "/usr/bin:/bin")"
            return env
        }

        /// Runs `kube-reach collect -o OUT ARGS` with the fakes on `PATH`.
        func collect(_ arguments: [String] = [], path: String? = nil) -> (output: String, exitCode: Int32) {
            CollectCommand.$environment.withValue(environment(path: path)) {
                KubeReach.execute(["collect", "-o", out.path] + arguments)
            }
        }

        var calls: [String] {
            ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }

        /// Every file written under `out`, by name.
        func written() throws -> [String: Data] {
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
                files[name] = try Data(contentsOf: out.appendingPathComponent(name))
            }
            return files
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    /// Every modelled kind gets its file; the folder loads without a diagnostic and with the
    /// recorded counts; items are sorted by namespace and name.
    @Test func writesOneFilePerKindThatInventoryLoads() throws {
        let fake = try FakeCluster()
        defer { fake.remove() }
        let (out, code) = fake.collect(["--aks", "rg-prod/aks-prod"])
        #expect(code == 0, "\(out)")
        let files = try fake.written()
        #expect(Set(files.keys) == Set(CollectTarget.all.map(\.fileName) + ["aks.json"]))
        #expect(out.contains("Secret: 3 objects ("), "\(out)")
        #expect(out.contains("NetworkPolicy: 1 object ("))
        #expect(out.contains("AKS cluster: 1 object ("))

        let (inventory, inventoryCode) = KubeReach.execute(["inventory", "-f", fake.out.path, "-o", "json"])
        #expect(inventoryCode == 0, "\(inventory)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(inventory.utf8)) as? [String: Any])
        #expect((doc["diagnostics"] as? [Any])?.isEmpty == true, "\(inventory)")
        let kinds = try #require(doc["kinds"] as? [String: [String: Any]])
        let totals = kinds.mapValues { $0["total"] as? Int ?? -1 }
        #expect(totals == ["Namespace": 2, "ServiceAccount": 3, "Pod": 2, "NetworkPolicy": 1, "Role": 1, "RoleBinding": 1,
                           "ClusterRole": 1, "ClusterRoleBinding": 1, "Secret": 3])
        #expect("\(doc["skipped"] ?? "")".contains("AKS cluster"))

        let pods = try #require(try JSONSerialization.jsonObject(with: files["Pod.json"] ?? Data()) as? [String: Any])
        #expect(pods["kind"] as? String == "List")
        let names = (pods["items"] as? [[String: Any]] ?? []).map { (($0["metadata"] as? [String: Any])?["namespace"] as? String ?? "") }
        #expect(names == ["dev", "prod"])
        // Deterministic: a second run writes the same bytes.
        _ = fake.collect(["--aks", "rg-prod/aks-prod"])
        #expect(try fake.written() == files)
    }

    /// No value of a Secret — `data`, `stringData`, the last-applied annotation (nor the service
    /// principal secret of `az aks show`) — appears in any byte written, nor in the messages.
    @Test func neverWritesASecretValue() throws {
        let fake = try FakeCluster()
        defer { fake.remove() }
        let (out, code) = fake.collect(["--aks", "rg-prod/aks-prod"])
        #expect(code == 0, "\(out)")

        let recorded = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("collect/secrets.json")))) as? [String: Any])
        var planted = ["S3CR3T", "UzNDUjNU", "last-applied-configuration", "f:password", "S3CR3T-SP-SECRET-5555"]
        for item in recorded["items"] as? [[String: Any]] ?? [] {
            for field in ["data", "stringData"] { planted += ((item[field] as? [String: String]) ?? [:]).values.filter { $0.count > 8 } }
            let annotations = (item["metadata"] as? [String: Any])?["annotations"] as? [String: String] ?? [:]
            if let applied = annotations["kubectl.kubernetes.io/last-applied-configuration"] { planted.append(applied) }
        }
        #expect(planted.count > 8)
        let files = try fake.written()
        #expect(!files.isEmpty)
        for (name, data) in files {
            for value in planted {
                #expect(data.range(of: Data(value.utf8)) == nil, "\(name) contains \(value)")
            }
        }
        for value in planted { #expect(!out.contains(value)) }

        // The Secrets themselves are still there, as metadata.
        let secrets = try #require(try JSONSerialization.jsonObject(with: files["Secret.json"] ?? Data()) as? [String: Any])
        let items = secrets["items"] as? [[String: Any]] ?? []
        #expect(items.map { ($0["metadata"] as? [String: Any])?["name"] as? String ?? "" } == ["registry-pull", "api-token", "db-credentials"])
        #expect(items.allSatisfy { $0["data"] == nil && $0["stringData"] == nil && $0["type"] != nil })
        let tokenAnnotations = (items[1]["metadata"] as? [String: Any])?["annotations"] as? [String: String]
        #expect(tokenAnnotations?["kubernetes.io/service-account.name"] == "api")
    }

    /// A forbidden kind is named with kubectl's message (escaped); the other kinds are written
    /// and the exit code is 2. A file of that kind left by an earlier run is removed.
    @Test func forbiddenKindIsNamedOthersAreWrittenExitTwo() throws {
        let fake = try FakeCluster(forbidden: "secrets")
        defer { fake.remove() }
        try FileManager.default.createDirectory(at: fake.out, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: fake.out.appendingPathComponent("Secret.json"))
        let (out, code) = fake.collect()
        #expect(code == 2)
        #expect(out.contains("Secret: FAILED, kubectl exited with status 1"), "\(out)")
        #expect(out.contains("Error: 1 of 25 could not be collected (Secret); the other files were written."), "\(out)")
        #expect(out.contains("command: kubectl get secrets --all-namespaces -o json --show-managed-fields=false"))
        #expect(out.contains("Error from server (Forbidden): secrets is forbidden: User \"alice@example.com\" cannot list resource"))
        #expect(!out.contains("\u{1B}") && !out.contains("\u{202E}"), "kubectl's standard error reached the terminal unescaped")
        #expect(out.contains("at the cluster scope \\x1b[31mred\\u{202e}\n"), "\(out)")
        #expect(out.hasSuffix("red\\u{202e}\n"))
        let files = try fake.written()
        #expect(files["Secret.json"] == nil)
        #expect(Set(files.keys) == Set(CollectTarget.all.filter { $0.kind != .secret }.map(\.fileName)))
    }

    /// Output that is not a JSON list fails its kind without quoting it (for Secrets it would
    /// hold the values).
    @Test func unreadableOutputIsNotQuoted() throws {
        let fake = try FakeCluster(extra: """
            case "$*" in *" secrets "*) echo '{"items": [{"data": {"password": "S3CR3T-TRUNCATED-6502"'; exit 0;; esac
            """)
        defer { fake.remove() }
        let (out, code) = fake.collect()
        #expect(code == 2)
        #expect(out.contains("Secret: FAILED, kubectl printed output that is not JSON"), "\(out)")
        #expect(!out.contains("S3CR3T"))
        #expect(try fake.written()["Secret.json"] == nil)
    }

    /// No kubectl on PATH (or a --kubectl that is not there): a clear message, exit 2, nothing
    /// written.
    @Test func missingKubectlExitsTwo() throws {
        let fake = try FakeCluster()
        defer { fake.remove() }
        let empty = fake.root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let (out, code) = fake.collect(path: empty.path)
        #expect(code == 2)
        #expect(out == "Error: kubectl not found on PATH; install kubectl or pass --kubectl PATH\n")
        #expect(!FileManager.default.fileExists(atPath: fake.out.path))

        let (out2, code2) = fake.collect(["--kubectl", fake.root.appendingPathComponent("nope/kubectl").path])
        #expect(code2 == 2)
        #expect(out2.contains("is not an executable file"))
        #expect(fake.calls.isEmpty)
    }

    /// --context and --kubeconfig reach every kubectl call; cluster-scoped kinds are read without
    /// --all-namespaces; --kubectl picks the program; --aks runs `az aks show`.
    @Test func connectionFlagsArePassedThrough() throws {
        let fake = try FakeCluster()
        defer { fake.remove() }
        let kubeconfig = fake.root.appendingPathComponent("kube config").path
        let (out, code) = fake.collect(["--context", "prod-admin", "--kubeconfig", kubeconfig,
                                        "--kubectl", fake.bin.appendingPathComponent("kubectl").path,
                                        "--aks", "rg-prod/aks-prod"], path: "/usr/bin:/bin:\(fake.bin.path)")
        #expect(code == 0, "\(out)")
        let calls = fake.calls
        let kubectl = calls.filter { $0.hasPrefix("kubectl ") }
        #expect(kubectl.count == CollectTarget.all.count)
        #expect(kubectl.allSatisfy { $0.hasPrefix("kubectl --kubeconfig \(kubeconfig) --context prod-admin get ") })
        #expect(kubectl.contains("kubectl --kubeconfig \(kubeconfig) --context prod-admin get secrets --all-namespaces -o json --show-managed-fields=false"))
        #expect(kubectl.contains("kubectl --kubeconfig \(kubeconfig) --context prod-admin get networkpolicies.networking.k8s.io --all-namespaces -o json --show-managed-fields=false"))
        #expect(kubectl.contains("kubectl --kubeconfig \(kubeconfig) --context prod-admin get clusterroles.rbac.authorization.k8s.io -o json --show-managed-fields=false"))
        #expect(calls.filter { $0.hasPrefix("az ") } == ["az aks show -g rg-prod -n aks-prod -o json"])
    }

    /// kubectl filling standard error far beyond a pipe buffer before a large standard output
    /// does not deadlock; every item arrives.
    @Test func largeOutputsOnBothPipes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kube-reach-collect-big-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let pods = (0..<5000).map { i in
            "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\(i)\",\"namespace\":\"ns\(i % 7)\",\"labels\":{\"pad\":\"\(String(repeating: "x", count: 60))\"}},"
                + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\"}]}}"
        }
        try Data(("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[" + pods.joined(separator: ",") + "]}").utf8)
            .write(to: root.appendingPathComponent("pods.json"))
        try Data(String(repeating: "W1203 warning line of kubectl standard error\n", count: 8000).utf8)
            .write(to: root.appendingPathComponent("stderr.txt"))
        let fake = try FakeCluster(extra: """
            case "$*" in *" pods "*) cat '\(root.path)/stderr.txt' >&2; cat '\(root.path)/pods.json'; exit 0;; esac
            """)
        defer { fake.remove() }
        let (out, code) = fake.collect()
        #expect(code == 0, "\(out.prefix(2000))")
        #expect(out.contains("Pod: 5000 objects ("))
        let written = try Data(contentsOf: fake.out.appendingPathComponent("Pod.json"))
        let doc = try #require(try JSONSerialization.jsonObject(with: written) as? [String: Any])
        #expect((doc["items"] as? [Any])?.count == 5000)
    }

    @Test func resourceNamesAreDerivedAndGroupQualified() {
        let names = Dictionary(uniqueKeysWithValues: CollectTarget.all.map { ($0.kind.rawValue, $0.resource) })
        #expect(names["NetworkPolicy"] == "networkpolicies.networking.k8s.io")
        #expect(names["Role"] == "roles.rbac.authorization.k8s.io")
        #expect(names["Ingress"] == "ingresses.networking.k8s.io")
        #expect(names["Deployment"] == "deployments.apps")
        #expect(names["CronJob"] == "cronjobs.batch")
        #expect(names["ValidatingWebhookConfiguration"] == "validatingwebhookconfigurations.admissionregistration.k8s.io")
        #expect(names["Pod"] == "pods")
        #expect(names["Secret"] == "secrets")
    }

    @Test func helpIsStable() {
        #expect(Golden.check(KubeReach.helpMessage(for: CollectCommand.self, columns: 100) + "\n",
                             against: "cli/expected/help-collect.txt") == nil)
    }

    @Test func aksMustNameResourceGroupAndCluster() {
        for bad in ["aks-prod", "/aks", "rg/", "a/b/c"] {
            #expect(KubeReach.execute(["collect", "-o", "/tmp/unused", "--aks", bad]).exitCode == 2)
        }
    }
}
