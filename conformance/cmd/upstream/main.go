// Command upstream answers the ai-infra command contract by calling the real upstream Go code
// (kube-scheduler's DRA allocator, Kueue TAS, Pod Security Admission, the kubelet's cgroup and DNS
// code, API validation). It only adapts input and output: every decision is upstream's.
//
//	upstream <area> <command> [flags]   one evaluation, the same flags and JSON as ai-infra
//	upstream batch DIR                   every case folder of DIR (sorted), one JSON line per case
//
// A case folder holds "args" (a JSON array of arguments, file names relative to the folder) and
// the files those arguments name.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Exit codes of the ai-infra contract.
const (
	exitOK       = 0
	exitNegative = 1
	exitInvalid  = 2
	exitError    = 3
)

// handler runs one command with its flags (after the command words) and returns the exit code.
type handler func(args []string, stdout, stderr io.Writer) int

var commands = map[string]handler{}

// register adds a command; name is its words, e.g. "dra allocate".
func register(name string, h handler) {
	if _, dup := commands[name]; dup {
		panic("command registered twice: " + name)
	}
	commands[name] = h
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "error: internal: %v\n", r)
			code = exitError
		}
	}()
	if len(args) >= 1 && args[0] == "batch" {
		if len(args) != 2 {
			fmt.Fprintln(stderr, "error: usage: upstream batch DIR")
			return exitInvalid
		}
		return batch(args[1], stdout, stderr)
	}
	if len(args) >= 1 && args[0] == "commands" {
		names := make([]string, 0, len(commands))
		for n := range commands {
			names = append(names, n)
		}
		sort.Strings(names)
		fmt.Fprintln(stdout, strings.Join(names, "\n"))
		return exitOK
	}
	for words := 2; words >= 1; words-- {
		if len(args) >= words {
			if h, ok := commands[strings.Join(args[:words], " ")]; ok {
				return h(args[words:], stdout, stderr)
			}
		}
	}
	fmt.Fprintf(stderr, "error: unknown command %q; try 'upstream commands'\n", strings.Join(args, " "))
	return exitInvalid
}

// caseResult is one line of batch output.
type caseResult struct {
	Case   string `json:"case"`
	Exit   int    `json:"exit"`
	Stdout string `json:"stdout"`
	Stderr string `json:"stderr"`
}

func batch(dir string, stdout, stderr io.Writer) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		fmt.Fprintf(stderr, "error: %v\n", err)
		return exitInvalid
	}
	start, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(stderr, "error: %v\n", err)
		return exitError
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		caseDir := filepath.Join(dir, e.Name())
		raw, err := os.ReadFile(filepath.Join(caseDir, "args"))
		if err != nil {
			continue
		}
		var caseArgs []string
		if err := json.Unmarshal(raw, &caseArgs); err != nil {
			fmt.Fprintf(stderr, "error: %s/args: %v\n", caseDir, err)
			return exitInvalid
		}
		var o, eb bytes.Buffer
		if err := os.Chdir(caseDir); err != nil {
			fmt.Fprintf(stderr, "error: %v\n", err)
			return exitError
		}
		code := run(caseArgs, &o, &eb)
		if err := os.Chdir(start); err != nil {
			fmt.Fprintf(stderr, "error: %v\n", err)
			return exitError
		}
		if err := enc.Encode(caseResult{Case: e.Name(), Exit: code, Stdout: o.String(), Stderr: eb.String()}); err != nil {
			fmt.Fprintf(stderr, "error: %v\n", err)
			return exitError
		}
	}
	return exitOK
}
