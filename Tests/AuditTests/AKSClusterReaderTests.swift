import Foundation
import ReachKit
import ReachModel
import ReachTestSupport
import Testing

@Suite struct AKSClusterReaderTests {
    static var corpusFiles: [URL] {
        guard let corpus = TestPaths.corpus else { return [] }
        let dir = corpus.appendingPathComponent("aks-cluster-json")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { dir.appendingPathComponent($0) }
    }

    @Test func readsEveryCorpusDocument() throws {
        guard TestPaths.corpus != nil else {
            print("skipped: ../shared/corpus is absent (AKS cluster JSON corpus)")
            return
        }
        #expect(Self.corpusFiles.count == 25)
        for url in Self.corpusFiles {
            let (cluster, diagnostics) = Analyzer.loadAKSCluster(path: url.path)
            let c = try #require(cluster, "\(url.lastPathComponent): \(diagnostics)")
            #expect(diagnostics.isEmpty, "\(url.lastPathComponent): \(diagnostics)")
            #expect(c.name != "?")
            #expect(c.count("agentPoolProfiles") >= 1, "\(url.lastPathComponent)")
        }
    }

    /// The flattened `az aks show` shape (derived from each corpus document) reads to the same settings.
    @Test func flattenedShapeReadsLikeTheARMShape() throws {
        guard TestPaths.corpus != nil else {
            print("skipped: ../shared/corpus is absent (AKS cluster JSON corpus)")
            return
        }
        for url in Self.corpusFiles {
            let data = try Data(contentsOf: url)
            var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let properties = object.removeValue(forKey: "properties") as? [String: Any] ?? [:]
            object.merge(properties) { _, p in p }
            let flat = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            let arm = try #require(Analyzer.loadAKSCluster(path: url.path).cluster)
            let derived = try #require(Analyzer.loadAKSCluster(text: String(decoding: flat, as: UTF8.self), name: "flat.json").cluster)
            #expect(Set(arm.settings.keys) == Set(derived.settings.keys), "\(url.lastPathComponent)")
            for (key, setting) in arm.settings { #expect(derived.settings[key]?.value == setting.value, "\(key)") }
        }
    }

    @Test func keysAreCaseInsensitiveAndLocated() throws {
        let text = """
        {
          "name": "c1",
          "enableRbac": true,
          "apiServerAccessProfile": { "authorizedIpRanges": ["10.0.0.0/8", "0.0.0.0/0"] },
          "addonProfiles": { "omsAgent": { "enabled": true, "config": { "x": "TRUE" } } },
          "agentPoolProfiles": [ { "name": "np1" } ]
        }
        """
        let c = try #require(Analyzer.loadAKSCluster(text: text, name: "c.json").cluster)
        #expect(c.bool("enableRBAC") == true)
        #expect(c.strings("apiServerAccessProfile.authorizedIPRanges") == ["10.0.0.0/8", "0.0.0.0/0"])
        #expect(c.bool("addonProfiles.omsagent.enabled") == true)
        #expect(c.bool("addonProfiles.OMSAGENT.config.x") == true)
        #expect(c.location(of: "apiServerAccessProfile.authorizedIPRanges[1]").line == 4)
        #expect(c.location(of: "addonProfiles.missing.enabled").line == 5)
        #expect(c.location(of: "nothing.here") == c.location)
        #expect(c.childKeys("addonProfiles") == ["omsagent"])
    }

    @Test func problemsAreLocatedDiagnostics() {
        let broken = Analyzer.loadAKSCluster(text: "{\n  \"name\": \"x\",\n  \"properties\": {\n}", name: "bad.json")
        #expect(broken.cluster == nil)
        #expect(broken.diagnostics.first?.id == "KR-LOAD-002")
        #expect(broken.diagnostics.first?.location?.file == "bad.json")

        let pod = Analyzer.loadAKSCluster(text: "{\"apiVersion\": \"v1\", \"kind\": \"Pod\"}", name: "pod.json")
        #expect(pod.cluster == nil)
        #expect(pod.diagnostics.map(\.id) == ["KR-LOAD-007"])

        let missing = Analyzer.loadAKSCluster(path: "/nonexistent/cluster.json")
        #expect(missing.cluster == nil)
        #expect(!missing.diagnostics.isEmpty)
    }
}
