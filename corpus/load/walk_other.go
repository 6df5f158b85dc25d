//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package load

import "context"

// compareTree is compare for a folder: here, with filepath.WalkDir.
func (s *snapshot) compareTree(ctx context.Context, real string) (same bool, changed []int) {
	return s.compareWalk(ctx, real)
}
