package redline

import "slices"

// grouped is a version's blocks and the sections groupSections split them
// into. The Differ finds it by the address of the slice's first element.
type grouped struct {
	blocks []Block // a copy of the blocks split, whose strings share their bytes
	groups []*group
}

// sectionsOf returns the sections of blocks, from memory when this
// slice, with the same blocks in it, was split before. A policy's pages
// compare each version with the one before it (so each version is split
// as the new side, then again as the old side) and then every archived
// version with the version in force (split again for each); a split
// depends only on the blocks, and the groups' lazily built parts
// (rename-matching segments) only on the groups, so sharing them changes
// no redline. The Differ keeps the split of every version it was given,
// as it keeps every block's parse.
func (d *Differ) sectionsOf(blocks []Block) []*group {
	if len(blocks) == 0 {
		return d.groupSections(blocks)
	}
	if r := d.split[&blocks[0]]; r != nil && r.holds(blocks) {
		return r.groups
	}
	gs := d.groupSections(blocks)
	d.split[&blocks[0]] = &grouped{blocks: slices.Clone(blocks), groups: gs}
	return gs
}

// holds reports whether blocks, a slice starting where the split one
// started, still has the same blocks in it. Only the same slice counts
// (telling two equal versions apart would cost as much as splitting
// them); its blocks are compared with the copy, which is fast when their
// strings share their bytes, so a caller that refills a slice with other
// blocks gets their own sections.
func (g *grouped) holds(blocks []Block) bool {
	if len(blocks) != len(g.blocks) {
		return false
	}
	for i := range blocks {
		if blocks[i] != g.blocks[i] {
			return false
		}
	}
	return true
}
