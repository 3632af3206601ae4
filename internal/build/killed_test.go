package build

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeBigKit writes a kit of n posts into dir, the same for the same n
// and end: French prose with tags and links, one post a week. Every post
// ends with end, so that two kits that differ by it differ in every post
// page but share their images.
func writeBigKit(t *testing.T, dir string, n int, end string) {
	t.Helper()
	words := strings.Fields("le la les un une des portrait lumière studio séance visage regard couleur matin soir atelier ville rue client projet image cadre temps moment histoire")
	tags := []string{"portrait", "studio", "lumière", "mariage", "entreprise", "voyage", "noir et blanc", "technique"}
	rng := rand.New(rand.NewPCG(1, 2))
	files := map[string]string{
		"brand.toml": "[person]\nname = \"Zoé Laurent\"\nrole = \"Photographe\"\nsite_url = \"https://zoe.example\"\nlanguage = \"fr\"\n",
	}
	start := time.Date(2020, 1, 6, 0, 0, 0, 0, time.UTC)
	for i := range n {
		var body strings.Builder
		for p := range 3 {
			fmt.Fprintf(&body, "\n## Partie %d\n\n", p+1)
			for s := range 6 {
				sentence := make([]string, 8+rng.IntN(8))
				for w := range sentence {
					sentence[w] = words[rng.IntN(len(words))]
				}
				fmt.Fprintf(&body, "%s%s. ", strings.ToUpper(sentence[0][:1]), strings.Join(sentence, " ")[1:])
				if s == 2 && i > 0 {
					fmt.Fprintf(&body, "Voir [l’article précédent](/posts/p%03d/). ", i-1)
				}
			}
			body.WriteString("\n")
		}
		body.WriteString("\n" + end + "\n")
		files[fmt.Sprintf("content/posts/p%03d.md", i)] = fmt.Sprintf("+++\ntitle = \"Article %d\"\ndate = %s\ntags = [%q, %q]\n+++\n%s",
			i, start.AddDate(0, 0, 7*i).Format(time.DateOnly), tags[i%len(tags)], tags[(i/3)%len(tags)], body.String())
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// killedBuildEnv, when set, makes TestKilledBuildChild run one build: of
// the kit, into the output folder, with the image cache, the three paths
// separated by newlines.
const killedBuildEnv = "MARQUE_TEST_KILLED_BUILD"

// TestKilledBuildChild is the process TestKilledBuild kills.
func TestKilledBuildChild(t *testing.T) {
	spec := os.Getenv(killedBuildEnv)
	if spec == "" {
		t.Skip("run by TestKilledBuild")
	}
	paths := strings.Split(spec, "\n")
	res, err := Build(context.Background(), Options{Source: paths[0], Out: paths[1], CacheDir: paths[2], Today: today})
	if err != nil || res.Findings.HasErrors() {
		fmt.Fprintln(os.Stderr, err, res.Findings.Items())
		os.Exit(3)
	}
	os.Exit(0)
}

// TestKilledBuild kills builds of a kit of a few hundred posts at random
// points, half of them while the output is being written: each time the
// output folder holds the previous output or, when the kill came after
// the swap, the new one, whole and byte for byte; and once a build runs
// to the end, nothing is left beside it.
func TestKilledBuild(t *testing.T) {
	const posts, kills = 200, 8
	root := t.TempDir()
	kits := [2]string{filepath.Join(root, "a"), filepath.Join(root, "b")}
	writeBigKit(t, kits[0], posts, "Fin de la première version.")
	writeBigKit(t, kits[1], posts, "Fin de la seconde version.")
	cache := filepath.Join(root, "cache")
	site := filepath.Join(root, "site")
	out := filepath.Join(site, "public")
	build := func(kit, out string) map[string]string {
		t.Helper()
		res, err := Build(context.Background(), Options{Source: kit, Out: out, CacheDir: cache, Today: today})
		if err != nil || res.Findings.HasErrors() {
			t.Fatalf("build %s: %v %v", kit, err, res.Findings.Items())
		}
		return readDir(t, out)
	}
	// The two outputs whole; the first build encodes the images both
	// kits share, and every later one finds them in the cache.
	var want [2]map[string]string
	want[0] = build(kits[0], filepath.Join(root, "want-a"))
	want[1] = build(kits[1], filepath.Join(root, "want-b"))
	build(kits[0], out)
	current := 0

	// start runs a build of kit in a child process, its errors to
	// stderr; done is closed when it ends.
	var stderr strings.Builder
	start := func(kit string) (cmd *exec.Cmd, done chan struct{}) {
		t.Helper()
		cmd = exec.Command(os.Args[0], "-test.run=^TestKilledBuildChild$")
		cmd.Env = append(os.Environ(), killedBuildEnv+"="+kit+"\n"+out+"\n"+cache)
		stderr.Reset()
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done = make(chan struct{})
		go func() {
			cmd.Wait()
			close(done)
		}()
		return cmd, done
	}
	// names returns the names in the output's folder.
	names := func() map[string]bool {
		entries, _ := os.ReadDir(site)
		m := map[string]bool{}
		for _, e := range entries {
			m[e.Name()] = true
		}
		return m
	}
	// writing waits until the child has begun writing the new output (a
	// folder appears beside the output, whatever its name) and returns
	// when it did, or false if the child ended first.
	writing := func(before map[string]bool, done chan struct{}) (time.Time, bool) {
		for {
			for name := range names() {
				if !before[name] {
					return time.Now(), true
				}
			}
			select {
			case <-done:
				return time.Time{}, false
			case <-time.After(200 * time.Microsecond):
			}
		}
	}

	// One build to the end, for how long a build and its write take.
	begin := time.Now()
	cmd, done := start(kits[1])
	began, ok := writing(names(), done)
	<-done
	if !ok || cmd.ProcessState.ExitCode() != 0 || !maps.Equal(readDir(t, out), want[1]) {
		t.Fatalf("a build that was not killed: exit %d, writing seen %v\n%s", cmd.ProcessState.ExitCode(), ok, stderr.String())
	}
	whole, write := time.Since(begin), time.Since(began)
	current = 1

	rng := rand.New(rand.NewPCG(2026, 11))
	var kept, swapped, leftovers int
	for i := range kills {
		next := 1 - current
		before := names()
		cmd, done := start(kits[next])
		if i%2 == 0 {
			time.Sleep(time.Duration(rng.Float64() * float64(whole)))
		} else if _, ok := writing(before, done); ok {
			time.Sleep(time.Duration(rng.Float64() * float64(write)))
		}
		cmd.Process.Kill()
		<-done
		switch got := readDir(t, out); {
		case maps.Equal(got, want[current]):
			kept++
		case maps.Equal(got, want[next]):
			swapped++
			current = next
		default:
			t.Fatalf("kill %d: the output is neither the previous one nor the new one (%d files)", i, len(got))
		}
		leftovers += len(names()) - 1
	}
	t.Logf("%d kills (a build takes %v, its write %v): output kept %d times, replaced %d; %d folders left beside it",
		kills, whole.Round(time.Millisecond), write.Round(time.Millisecond), kept, swapped, leftovers)

	if got := build(kits[1-current], out); !maps.Equal(got, want[1-current]) {
		t.Error("the build after the kills wrote another output")
	}
	if left := names(); len(left) != 1 {
		t.Errorf("beside the output after a whole build: %v", left)
	}
}
