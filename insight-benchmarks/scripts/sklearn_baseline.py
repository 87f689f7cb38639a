"""scikit-learn baseline (insight-benchmarks/scripts/sklearn_baseline.py) on the same folds as insight's evaluation: TF-IDF word 1-2-grams + one-vs-rest
LinearSVC(class_weight='balanced'), defaults otherwise. Usage: baseline.py multilabel|code|label FOLDS.csv"""
import csv, sys, time, warnings
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC
from sklearn.multiclass import OneVsRestClassifier
from sklearn.metrics import f1_score, accuracy_score
warnings.filterwarnings('ignore')
D = '/work/shared/data/patient-feedback/'
which, folds_file = sys.argv[1], sys.argv[2]
fold = np.array([int(r['fold']) for r in csv.DictReader(open(folds_file))])
if which == 'multilabel':
    rows = list(csv.reader(open(D + 'fft-multilabel-v6.csv', encoding='utf-8')))
    X = np.array([r[8] for r in rows[1:]], dtype=object)
    Y = np.array([[1 if v.strip() == '1' else 0 for v in r[11:]] for r in rows[1:]])
else:
    rows = list(csv.DictReader(open(D + 'fft-two-level.csv', encoding='utf-8')))
    X = np.array([r['feedback'] for r in rows], dtype=object)
    y = np.array([r[which].strip() for r in rows])
start = time.time()
if which == 'multilabel':
    P = np.zeros_like(Y)
    for k in range(fold.max() + 1):
        tr, te = fold != k, fold == k
        v = TfidfVectorizer(ngram_range=(1, 2)); A = v.fit_transform(X[tr])
        keep = Y[tr].sum(0) > 0
        m = OneVsRestClassifier(LinearSVC(class_weight='balanced')).fit(A, Y[tr][:, keep])
        p = np.zeros((te.sum(), Y.shape[1]), int); p[:, keep] = m.predict(v.transform(X[te])); P[te] = p
    secs = time.time() - start
    present = Y.sum(0) > 0
    print('%s: micro-F1 %.3f macro-F1 %.3f (over %d codes present) exact %.3f, %.1f s' % (which,
          f1_score(Y, P, average='micro'), f1_score(Y[:, present], P[:, present], average='macro', zero_division=0),
          present.sum(), (P == Y).all(1).mean(), secs))
else:
    p = np.empty_like(y)
    for k in range(fold.max() + 1):
        tr, te = fold != k, fold == k
        v = TfidfVectorizer(ngram_range=(1, 2)); A = v.fit_transform(X[tr])
        m = LinearSVC(class_weight='balanced').fit(A, y[tr]); p[te] = m.predict(v.transform(X[te]))
    secs = time.time() - start
    print('%s: accuracy %.3f macro-F1 %.3f (over %d classes), %.1f s' % (which, accuracy_score(y, p),
          f1_score(y, p, average='macro', labels=np.unique(y), zero_division=0), len(np.unique(y)), secs))
    if which == 'code':
        parent = {r['code'].strip(): r['label'].strip() for r in rows}
        t = np.array([parent[c] for c in y]); g = np.array([parent[c] for c in p])
        print('label level derived from predicted codes: accuracy %.3f macro-F1 %.3f' % (accuracy_score(t, g),
              f1_score(t, g, average='macro', labels=np.unique(t), zero_division=0)))
