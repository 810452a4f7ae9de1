# zsh -f zsh_tab.zsh FPATH_DIR LINE: types LINE and a Tab into an interactive
# zsh (no startup files) in a pseudo-terminal, with FPATH_DIR's completion
# functions loaded by compinit; prints what the terminal showed.
zmodload zsh/zpty || exit 77
zpty -b comp zsh -f -i
zpty -w comp "PS1='> '; fpath=(${(q)1} \$fpath); autoload -U compinit; compinit -u -D; print RE''ADY"
out=
for i in {1..100}; do
  zpty -r -t comp chunk && out+=$chunk || sleep 0.1
  [[ $out == *READY* ]] && break
done
sleep 0.5
zpty -r -t comp chunk
zpty -w -n comp "$2"$'\t'
sleep 1.5
out=
while zpty -r -t comp chunk; do out+=$chunk; done
zpty -d comp
print -r -- "$out"
