export async function seedActivitiesDemo() {}
