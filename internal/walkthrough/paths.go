package walkthrough

// Order lists the nodes the start reaches, breadth first: the walkthrough's
// canonical order, in which each node's Back link goes to its parent.
func (g *Graph) Order() []string {
	order, _ := g.bfs()
	return order
}

// Parents maps each reachable node but the start to the node before it in
// the canonical order: where its Back link goes without JavaScript.
func (g *Graph) Parents() map[string]string {
	_, parent := g.bfs()
	return parent
}

func (g *Graph) bfs() ([]string, map[string]string) {
	parent := map[string]string{}
	if g.byID[g.Start] == nil {
		return nil, parent
	}
	seen := map[string]bool{g.Start: true}
	order := []string{g.Start}
	for i := 0; i < len(order); i++ {
		for _, t := range g.byID[order[i]].targets() {
			if g.byID[t] != nil && !seen[t] {
				seen[t] = true
				parent[t] = order[i]
				order = append(order, t)
			}
		}
	}
	return order, parent
}

// Paths lists every route from the start to an outcome that follows no link
// twice (a route may pass a question again, as after "not sure yet", but not
// loop), in answer order: the routes a family can take, for tests to follow.
func (g *Graph) Paths() [][]string {
	var paths [][]string
	if g.byID[g.Start] == nil {
		return nil
	}
	used := map[[2]string]bool{}
	var walk func(route []string)
	walk = func(route []string) {
		id := route[len(route)-1]
		n := g.byID[id]
		if n == nil {
			return
		}
		if n.Kind == Outcome {
			paths = append(paths, append([]string(nil), route...))
			return
		}
		done := map[string]bool{} // two answers to one node make one route
		for _, t := range n.targets() {
			e := [2]string{id, t}
			if !used[e] && !done[t] {
				done[t] = true
				used[e] = true
				walk(append(route, t))
				used[e] = false
			}
		}
	}
	walk([]string{g.Start})
	return paths
}
