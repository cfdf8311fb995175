def can_shift(A, B):
    for i in range(len(A)):
        if A[i:] + A[:i] == B:
            return True
    return False
