#!/usr/bin/env python3
"""reach_ref.py: a straightforward bitset NetworkPolicy evaluator, the benchmark's reference.

Reads the same manifests as `kube-reach reach` (files or directories of .yaml/.yml/.json,
multi-document, `kind: List` / `*List`) and prints exactly the JSON contract of
../shared/spec/interfaces.md, formatted like `kube-reach reach -o json`:

    {"allowed": {"TCP/80": ["ns/a->ns/b", ...]}, "probes": [{"port": 80, "protocol": "TCP"}]}

Semantics: ../shared/spec/networkpolicy.md, pod-to-pod pairs only (no external atoms).
Endpoints are Pod objects (hostNetwork pods left out) plus pod-template workloads without Pod
objects (`ns/name[Kind]`), as the tool does. The input is assumed valid: the tool's validation
(objects with errors are dropped) is not repeated here, except the endPort rule.

The evaluator is deliberately plain: Python ints are bitsets over the endpoints (bit i =
endpoint i, endpoints sorted by display name); per probe and policy it builds the selected set,
each rule's peer set and port mask, then ORs them into per-source egress rows and per-source
"admitted by ingress" rows; allowed row of s = egress-ok(s) AND ingress-ok(., s), plus s itself.
No equivalence classes, no caching of selectors.

Usage: reach_ref.py -f PATH [-f PATH ...] [--probes TCP/80,UDP/53] [--timing]
Requires Python 3.8+ and PyYAML (uses libyaml's CSafeLoader when available).
"""
import argparse
import ipaddress
import json
import os
import sys
import time

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
PROTO_ORDER = {"TCP": 0, "UDP": 1, "SCTP": 2}
WORKLOAD_KINDS = {
    "Deployment": ("apps",), "StatefulSet": ("apps",), "DaemonSet": ("apps",), "ReplicaSet": ("apps",),
    "Job": ("batch",), "CronJob": ("batch",), "ReplicationController": ("",),
}
NAMESPACED = {"Pod", "NetworkPolicy"} | set(WORKLOAD_KINDS)


# ---------------------------------------------------------------------------- loading

def input_files(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, _dirs, files in sorted(os.walk(p)):
                for f in sorted(files):
                    if f.endswith((".yaml", ".yml", ".json")):
                        yield os.path.join(root, f)
        else:
            yield p


def documents(paths):
    for path in input_files(paths):
        with open(path, "rb") as fh:
            text = fh.read().decode("utf-8-sig")
        for doc in yaml.load_all(text, Loader=LOADER):
            yield from flatten(doc)


def flatten(doc):
    if not isinstance(doc, dict):
        return
    kind = doc.get("kind")
    if isinstance(kind, str) and kind.endswith("List") and isinstance(doc.get("items"), list):
        item_kind = kind[:-4] if kind != "List" else None
        for item in doc["items"]:
            if isinstance(item, dict):
                if item_kind and "kind" not in item:
                    item = dict(item, kind=item_kind)
                yield from flatten(item)
        return
    yield doc


def api_group(doc):
    v = doc.get("apiVersion") or ""
    return v.split("/")[0] if "/" in v else ""


class Cluster:
    """The objects the evaluator needs; duplicates (kind, namespace, name): the last one wins."""

    def __init__(self, paths, default_ns="default"):
        objs = {}
        for doc in documents(paths):
            kind = doc.get("kind")
            meta = doc.get("metadata") or {}
            name = meta.get("name")
            if not isinstance(kind, str) or not isinstance(name, str):
                continue
            group = api_group(doc)
            if kind == "NetworkPolicy" and group != "networking.k8s.io":
                continue
            if kind in ("Pod", "Namespace") and group != "":
                continue
            if kind in WORKLOAD_KINDS and group not in WORKLOAD_KINDS[kind]:
                continue
            if kind not in NAMESPACED and kind != "Namespace":
                continue
            ns = (meta.get("namespace") or default_ns) if kind in NAMESPACED else None
            objs[(kind, ns, name)] = doc
        self.namespaces, self.pods, self.workloads, self.policies = {}, [], [], []
        for (kind, ns, name), doc in sorted(objs.items(), key=lambda kv: (kv[0][0], kv[0][1] or "", kv[0][2])):
            if kind == "Namespace":
                labels = dict((doc.get("metadata") or {}).get("labels") or {})
                labels["kubernetes.io/metadata.name"] = name
                self.namespaces[name] = labels
            elif kind == "Pod":
                self.pods.append((ns, name, doc))
            elif kind == "NetworkPolicy":
                if valid_policy(doc):
                    self.policies.append((ns, name, doc))
            else:
                self.workloads.append((kind, ns, name, doc))


def valid_policy(doc):
    """The API server's endPort rule (the one check the generators can trip): endPort needs a
    numeric port and must be ≥ it; a policy breaking it is never stored (the tool drops it too)."""
    spec = doc.get("spec") or {}
    for direction in ("ingress", "egress"):
        for rule in spec.get(direction) or []:
            for entry in (rule or {}).get("ports") or []:
                end = entry.get("endPort")
                if end is None:
                    continue
                port = entry.get("port")
                if not isinstance(port, int) or not isinstance(end, int) or end < port or end > 65535:
                    return False
    return True


def container_ports(spec):
    out = []
    for key in ("initContainers", "containers", "ephemeralContainers"):
        for c in (spec or {}).get(key) or []:
            for p in c.get("ports") or []:
                n = p.get("containerPort")
                if isinstance(n, int):
                    out.append((p.get("name"), p.get("protocol") or "TCP", n))
    return out


def matches(selector, labels):
    """matchLabels and every matchExpressions entry ANDed; None or {} = everything."""
    if not selector:
        return True
    for k, v in (selector.get("matchLabels") or {}).items():
        if labels.get(k) != str(v):
            return False
    for e in selector.get("matchExpressions") or []:
        op, value = e.get("operator"), labels.get(e.get("key"))
        values = [str(x) for x in e.get("values") or []]
        if op == "In" and (value is None or value not in values):
            return False
        if op == "NotIn" and value is not None and value in values:
            return False
        if op == "Exists" and value is None:
            return False
        if op == "DoesNotExist" and value is not None:
            return False
    return True


class Endpoint:
    __slots__ = ("namespace", "name", "kind", "labels", "ips", "ports")

    def __init__(self, namespace, name, kind, labels, ips, ports):
        self.namespace, self.name, self.kind = namespace, name, kind
        self.labels = {str(k): str(v) for k, v in (labels or {}).items()}
        self.ips, self.ports = ips, ports

    @property
    def display(self):
        return f"{self.namespace}/{self.name}" if self.kind == "Pod" else f"{self.namespace}/{self.name}[{self.kind}]"


def parse_ip(text):
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def endpoints(cluster):
    eps, pods_by_ns, owned = [], {}, set()
    for ns, name, doc in cluster.pods:
        spec = doc.get("spec") or {}
        if spec.get("hostNetwork"):
            continue
        meta = doc.get("metadata") or {}
        status = doc.get("status") or {}
        texts = [status.get("podIP")] + [e.get("ip") for e in status.get("podIPs") or [] if isinstance(e, dict)]
        ips = []
        for t in texts:
            ip = parse_ip(t) if isinstance(t, str) and t else None
            if ip is not None and ip not in ips:
                ips.append(ip)
        owners = meta.get("ownerReferences") or []
        pods_by_ns.setdefault(ns, []).append((meta.get("labels") or {}, bool(owners)))
        for o in owners:
            oname = o.get("name") or ""
            owned.add(f"{ns}/{oname}")
            if o.get("kind") in ("ReplicaSet", "Job") and "-" in oname:
                owned.add(f"{ns}/{oname.rsplit('-', 1)[0]}")
        eps.append(Endpoint(ns, name, "Pod", meta.get("labels"), ips, container_ports(spec)))
    for kind, ns, name, doc in cluster.workloads:
        spec = doc.get("spec") or {}
        owner_spec = ((spec.get("jobTemplate") or {}).get("spec") or {}) if kind == "CronJob" else spec
        template = owner_spec.get("template") or {}
        sel = owner_spec.get("selector")
        if kind == "ReplicationController" and sel:
            sel = {"matchLabels": sel}
        if f"{ns}/{name}" in owned:
            continue
        if sel and (sel.get("matchLabels") or sel.get("matchExpressions")):
            pods = pods_by_ns.get(ns, [])
            if any(not has_owner and matches(sel, {str(k): str(v) for k, v in labels.items()}) for labels, has_owner in pods):
                continue
        tspec = template.get("spec") or {}
        if tspec.get("hostNetwork"):
            continue
        eps.append(Endpoint(ns, name, kind, (template.get("metadata") or {}).get("labels"), [], container_ports(tspec)))
    eps.sort(key=lambda e: e.display.encode())
    return eps


# ---------------------------------------------------------------------------- evaluation

def members(x):
    """Indices of the set bits of x, increasing."""
    s = bin(x)[:1:-1]
    out, i = [], s.find("1")
    while i >= 0:
        out.append(i)
        i = s.find("1", i + 1)
    return out


class Evaluator:
    def __init__(self, cluster, eps):
        self.eps = eps
        self.n = len(eps)
        self.all = (1 << self.n) - 1
        self.ns_labels = {}
        for e in eps:
            self.ns_labels[e.namespace] = cluster.namespaces.get(e.namespace, {"kubernetes.io/metadata.name": e.namespace})
        self.by_ns = {}
        for i, e in enumerate(eps):
            self.by_ns.setdefault(e.namespace, []).append(i)
        self.policies = cluster.policies

    def pods_matching(self, namespaces, selector):
        bits = 0
        for ns in namespaces:
            for i in self.by_ns.get(ns, []):
                if matches(selector, self.eps[i].labels):
                    bits |= 1 << i
        return bits

    def block_bits(self, block):
        try:
            cidr = ipaddress.ip_network(block.get("cidr"), strict=False)
        except (TypeError, ValueError):
            return 0
        excepts = []
        for t in block.get("except") or []:
            try:
                excepts.append(ipaddress.ip_network(t, strict=False))
            except ValueError:
                pass
        bits = 0
        for i, e in enumerate(self.eps):
            for ip in e.ips:
                if ip.version == cidr.version and ip in cidr and not any(ip.version == x.version and ip in x for x in excepts):
                    bits |= 1 << i
                    break
        return bits

    def peer_bits(self, rule, key, policy_ns):
        if key not in rule or not rule[key]:
            return self.all
        bits = 0
        for peer in rule[key]:
            if not isinstance(peer, dict):
                continue
            if "ipBlock" in peer:
                bits |= self.block_bits(peer["ipBlock"] or {})
                continue
            if "namespaceSelector" in peer:
                nss = [ns for ns in self.by_ns if matches(peer["namespaceSelector"], self.ns_labels[ns])]
            else:
                nss = [policy_ns]
            bits |= self.pods_matching(nss, peer.get("podSelector"))
        return bits

    def port_mask(self, rule, proto, port):
        """Destinations for which the rule's ports admit (proto, port); named ports resolve on them."""
        entries = rule.get("ports")
        if not entries:
            return self.all
        mask = 0
        for entry in entries:
            if (entry.get("protocol") or "TCP") != proto:
                continue
            p = entry.get("port")
            if p is None:
                return self.all
            if isinstance(p, int):
                end = entry.get("endPort")
                if (port == p) if end is None else (p <= port <= end):
                    return self.all
                continue
            for i, e in enumerate(self.eps):
                if any(n == p and pr == proto and cp == port for n, pr, cp in e.ports):
                    mask |= 1 << i
        return mask

    def allowed_rows(self, proto, port):
        n, full = self.n, self.all
        egress_iso, ingress_iso = 0, 0
        egress = [0] * n          # egress[s]: destinations s's egress rules admit
        admitted_by = [0] * n     # admitted_by[s]: destinations whose ingress rules admit s
        for ns, _name, doc in self.policies:
            spec = doc.get("spec") or {}
            sel = self.pods_matching([ns], spec.get("podSelector"))
            types = spec.get("policyTypes")
            if not types:
                types = ["Ingress"] + (["Egress"] if spec.get("egress") else [])
            if "Ingress" in types:
                ingress_iso |= sel
                for rule in spec.get("ingress") or []:
                    rule = rule or {}
                    target = sel & self.port_mask(rule, proto, port)
                    if target:
                        for s in members(self.peer_bits(rule, "from", ns)):
                            admitted_by[s] |= target
            if "Egress" in types:
                egress_iso |= sel
                for rule in spec.get("egress") or []:
                    rule = rule or {}
                    reach = self.peer_bits(rule, "to", ns) & self.port_mask(rule, proto, port)
                    if reach:
                        for s in members(sel):
                            egress[s] |= reach
        open_dst = full & ~ingress_iso
        rows = []
        for s in range(n):
            row = egress[s] if (egress_iso >> s) & 1 else full
            rows.append((row & (admitted_by[s] | open_dst)) | (1 << s))
        return rows

    def pairs(self, proto, port):
        names = [e.display for e in self.eps]
        out = []
        for s, row in enumerate(self.allowed_rows(proto, port)):
            prefix = names[s] + "->"
            out.extend(prefix + names[d] for d in members(row))
        out.sort()
        return out


def parse_probes(text):
    probes = set()
    for part in text.split(","):
        proto, _, port = part.partition("/")
        proto = proto.upper()
        if proto not in PROTO_ORDER or not port.isdigit() or not 1 <= int(port) <= 65535:
            sys.exit(f"--probes: expected PROTOCOL/port[,...], got '{text}'")
        probes.add((proto, int(port)))
    return probes


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-f", "--input", action="append", required=True)
    ap.add_argument("--probes")
    ap.add_argument("--namespace-default", default="default")
    ap.add_argument("--timing", action="store_true", help="phase timings on stderr")
    args = ap.parse_args()
    t0 = time.perf_counter()
    cluster = Cluster(args.input, args.namespace_default)
    eps = endpoints(cluster)
    t1 = time.perf_counter()
    if args.probes:
        probes = parse_probes(args.probes)
    else:
        probes = {(pr, n) for e in eps for _name, pr, n in e.ports if 1 <= n <= 65535}
    probes = sorted(probes, key=lambda p: (PROTO_ORDER[p[0]], p[1]))
    ev = Evaluator(cluster, eps)
    allowed = {f"{pr}/{n}": ev.pairs(pr, n) for pr, n in probes}
    t2 = time.perf_counter()
    doc = {"allowed": allowed, "probes": [{"port": n, "protocol": pr} for pr, n in probes]}
    sys.stdout.write(json.dumps(doc, indent=2, separators=(",", " : "), sort_keys=True, ensure_ascii=False) + "\n")
    t3 = time.perf_counter()
    if args.timing:
        pairs = sum(len(v) for v in allowed.values())
        print(f"reach_ref: {len(eps)} endpoints, {len(cluster.policies)} policies, {len(probes)} probes, "
              f"{pairs} pairs; load {t1 - t0:.2f} s, evaluate {t2 - t1:.2f} s, write {t3 - t2:.2f} s",
              file=sys.stderr)


if __name__ == "__main__":
    main()
