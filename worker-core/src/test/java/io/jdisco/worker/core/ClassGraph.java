package io.jdisco.worker.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A directed graph of classes (edge: "refers to") and its cycles: the strongly connected
 * components of more than one class, found with Tarjan's algorithm (iteratively, so a long chain
 * of classes cannot overflow the stack). Self-references are not edges.
 */
final class ClassGraph {
    private final Map<String, Set<String>> edges = new TreeMap<>();

    /** Adds the class {@code from} with no edge (so that a class referring to nothing is a node). */
    void addNode(String from) {
        edges.computeIfAbsent(Objects.requireNonNull(from, "from"), k -> new TreeSet<>());
    }

    /** Adds the edge {@code from → to}, unless they are one class. */
    void addEdge(String from, String to) {
        addNode(from);
        addNode(Objects.requireNonNull(to, "to"));
        if (!from.equals(to)) {
            edges.get(from).add(to);
        }
    }

    /** The classes (read-only). */
    Set<String> nodes() {
        return Collections.unmodifiableSet(edges.keySet());
    }

    /** The classes {@code from} refers to (read-only). */
    Set<String> edgesOf(String from) {
        return Collections.unmodifiableSet(edges.getOrDefault(from, Set.of()));
    }

    /** The cycles: each strongly connected component of two or more classes, its classes sorted. */
    List<Set<String>> cycles() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> out = new ArrayList<>();
        int[] next = {0};
        for (String root : edges.keySet()) {
            if (index.containsKey(root)) {
                continue;
            }
            // Each frame: a node and the iterator over its successors, as the recursion would hold.
            Deque<Map.Entry<String, Iterator<String>>> frames = new ArrayDeque<>();
            visit(root, index, low, stack, onStack, next, frames);
            while (!frames.isEmpty()) {
                Map.Entry<String, Iterator<String>> frame = frames.peek();
                String v = frame.getKey();
                if (frame.getValue().hasNext()) {
                    String w = frame.getValue().next();
                    if (!index.containsKey(w)) {
                        visit(w, index, low, stack, onStack, next, frames);
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                frames.pop();
                if (!frames.isEmpty()) {
                    String parent = frames.peek().getKey();
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    Set<String> component = new TreeSet<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        component.add(w);
                    } while (!w.equals(v));
                    if (component.size() > 1) {
                        out.add(component);
                    }
                }
            }
        }
        return out;
    }

    private void visit(String v, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
            Set<String> onStack, int[] next, Deque<Map.Entry<String, Iterator<String>>> frames) {
        index.put(v, next[0]);
        low.put(v, next[0]);
        next[0]++;
        stack.push(v);
        onStack.add(v);
        frames.push(Map.entry(v, edges.get(v).iterator()));
    }

    /**
     * A shortest path from {@code start} back to itself inside {@code component}
     * ({@code [A, B, A]}), to show one concrete cycle of a component.
     */
    List<String> shortestCycle(String start, Set<String> component) {
        Map<String, String> parent = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            String v = queue.poll();
            for (String w : edgesOf(v)) {
                if (!component.contains(w)) {
                    continue;
                }
                if (w.equals(start)) {
                    List<String> path = new ArrayList<>();
                    path.add(start);
                    for (String u = v; !u.equals(start); u = parent.get(u)) {
                        path.add(1, u);
                    }
                    path.add(start);
                    return path;
                }
                if (!parent.containsKey(w)) {
                    parent.put(w, v);
                    queue.add(w);
                }
            }
        }
        throw new IllegalArgumentException(start + " is on no cycle inside " + component);
    }
}
