"""How the sentence-embedding network of insight-embeddings was chosen (insight-benchmarks/scripts/embeddings_choice.py).

A scikit-learn re-implementation of insight's default learned coder (word 1-2 + char_wb 2-5 TF-IDF, sublinear tf,
min_df 2, balanced LinearSVC per code, Platt scaling fitted on 3-fold inner out-of-fold scores, one threshold at
half the best inner micro-F1, at least one code), optionally with each comment's embedding appended (concat1) or
embeddings alone (emb), on 5 folds stratified on the rarest code like insight's (not the same shuffle). It gives
0.739 / 0.467 for the n-grams, as insight does (0.738 / 0.461), so it can compare networks cheaply.

Usage: embeddings_choice.py EMBEDDINGS.csv|- sparse,emb,concat1,question [tag]   (- : no embeddings; question = the
FFT question one-hot appended to the n-grams)
EMBEDDINGS.csv: one line per comment of fft-multilabel-v6.csv, in file order, the vector's floats comma-separated
(written by any embedder, e.g. langchain4j's AllMiniLmL6V2QuantizedEmbeddingModel or
BgeSmallEnV15QuantizedEmbeddingModel, blank comments as "-"). Saves the out-of-fold probabilities to /tmp/exp.
"""
import csv, os, sys, time, warnings
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from scipy.sparse import hstack, csr_matrix
warnings.filterwarnings('ignore')
D = '/work/shared/data/patient-feedback/'
rows = list(csv.reader(open(D + 'fft-multilabel-v6.csv', encoding='utf-8')))
X = np.array([r[8] for r in rows[1:]], dtype=object)
Q = np.array([r[7].strip() for r in rows[1:]], dtype=object)
qs = sorted(set(Q)); Qm = np.zeros((len(Q), len(qs))); Qm[np.arange(len(Q)), [qs.index(q) for q in Q]] = 1
Y = np.array([[1 if v.strip() == '1' else 0 for v in r[11:]] for r in rows[1:]])
E = np.loadtxt(sys.argv[1], delimiter=',') if sys.argv[1] != '-' else None
n = len(X)
# folds: rarest code stratum, shuffled, dealt in turn
rng = np.random.default_rng(42)
cnt = Y.sum(0)
strat = np.array([min((cnt[j], j) for j in np.nonzero(Y[i])[0])[1] if Y[i].any() else -1 for i in range(n)])
fold = np.zeros(n, int); k = 0
for s in np.unique(strat):
    idx = np.nonzero(strat == s)[0]; rng.shuffle(idx)
    for i in idx: fold[i] = k % 5; k += 1
present = cnt > 0
def platt_scores(fit, A, Yt, inner=3):
    # out-of-fold decision scores on training data for calibration
    m = len(Yt); f = np.arange(m) % inner; np.random.default_rng(1).shuffle(f)
    S = np.zeros(Yt.shape)
    for j in range(inner):
        tr, te = f != j, f == j
        S[te] = fit(A[tr], Yt[tr], A[te])
    return S
def fit_svm(A, Yt, B, C=1.0):
    out = np.full((B.shape[0], Yt.shape[1]), -5.0)
    for j in range(Yt.shape[1]):
        if Yt[:, j].sum() == 0: continue
        m = LinearSVC(C=C, class_weight='balanced').fit(A, Yt[:, j]); out[:, j] = m.decision_function(B)
    return out
def platt(s, y):
    lr = LogisticRegression(C=1e6).fit(s.reshape(-1, 1), y) if 0 < y.sum() < len(y) else None
    return lr
def calibrate(Soof, Yt, Stest):
    P = np.zeros(Stest.shape); Poof = np.zeros(Soof.shape)
    for j in range(Yt.shape[1]):
        lr = platt(Soof[:, j], Yt[:, j])
        if lr is None: continue
        P[:, j] = lr.predict_proba(Stest[:, j].reshape(-1, 1))[:, 1]; Poof[:, j] = lr.predict_proba(Soof[:, j].reshape(-1, 1))[:, 1]
    return P, Poof
def global_threshold(Poof, Yt):
    best = 0
    for t in np.arange(0.05, 0.95, 0.01):
        best = max(best, f1_score(Yt, Poof >= t, average='micro'))
    return best / 2
def decide(P, t):
    D = P >= t
    none = ~D.any(1); D[none, P[none].argmax(1)] = True
    return D
variants = sys.argv[2].split(',')
for var in variants:
    start = time.time(); Pred = np.zeros_like(Y); PP = np.zeros(Y.shape)
    for k in range(5):
        tr, te = fold != k, fold == k
        wv = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        cv = TfidfVectorizer(analyzer='char_wb', ngram_range=(2, 5), min_df=2, sublinear_tf=True)
        Aw = wv.fit_transform(X[tr]); Ac = cv.fit_transform(X[tr])
        Bw = wv.transform(X[te]); Bc = cv.transform(X[te])
        As = hstack([Aw, Ac]).tocsr() / np.sqrt(2); Bs = hstack([Bw, Bc]).tocsr() / np.sqrt(2)
        Et, Ee = (E[tr], E[te]) if E is not None else (None, None)
        if var == 'sparse': A, B = As, Bs
        elif var == 'question': A, B = hstack([As, csr_matrix(Qm[tr])]).tocsr(), hstack([Bs, csr_matrix(Qm[te])]).tocsr()
        elif var == 'emb': A, B = csr_matrix(Et), csr_matrix(Ee)
        elif var.startswith('concat'):
            w = float(var[6:] or 1)
            A = hstack([As, csr_matrix(Et * w)]).tocsr(); B = hstack([Bs, csr_matrix(Ee * w)]).tocsr()
        Yt = Y[tr]
        if var.startswith('avg'):
            Ss = platt_scores(fit_svm, As, Yt); Ps, Pso = calibrate(Ss, Yt, fit_svm(As, Yt, Bs))
            Se = platt_scores(fit_svm, csr_matrix(Et), Yt); Pe, Peo = calibrate(Se, Yt, fit_svm(csr_matrix(Et), Yt, csr_matrix(Ee)))
            P = (Ps + Pe) / 2; Poof = (Pso + Peo) / 2
        else:
            S = platt_scores(fit_svm, A, Yt); P, Poof = calibrate(S, Yt, fit_svm(A, Yt, B))
        t = global_threshold(Poof, Yt)
        Pred[te] = decide(P, t); PP[te] = P
    os.makedirs('/tmp/exp', exist_ok=True); np.save('/tmp/exp/P_%s%s.npy' % (var, sys.argv[3] if len(sys.argv)>3 else ''), PP); os.makedirs('/tmp/exp', exist_ok=True); np.save('/tmp/exp/Y.npy', Y)
    print('%s: micro %.3f macro %.3f exact %.3f %.0fs' % (var, f1_score(Y, Pred, average='micro'),
        f1_score(Y[:, present], Pred[:, present], average='macro', zero_division=0), (Pred == Y).all(1).mean(), time.time() - start), flush=True)
